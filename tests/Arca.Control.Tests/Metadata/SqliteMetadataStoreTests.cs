using Arca.Control.Metadata;

namespace Arca.Control.Tests.Metadata;

public sealed class SqliteMetadataStoreTests : MetadataStoreConformance
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-meta-").FullName;

    private string DbPath => Path.Combine(_dir, "global.db");

    protected override async Task<IMetadataStore> OpenAsync() => await SqliteMetadataStore.OpenAsync(DbPath);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Committed_documents_survive_a_reopen_and_rolled_back_ones_do_not()
    {
        await Tx(tx => tx.PutAsync("c", "a", "1", new IndexFields("x", "y", "z")));
        await Tx(tx => tx.PutAsync("c", "a", "2", new IndexFields("x", "y", "z")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.TransactAsync<bool>(async tx =>
        {
            await tx.InsertAsync("c", "b", "lost", IndexFields.None);
            throw new InvalidOperationException();
        }));

        await ReopenAsync();

        Assert.Equal(new StoredDocument("a", "2", 2, new IndexFields("x", "y", "z")), await Tx(tx => tx.GetAsync("c", "a")));
        Assert.Null(await Tx(tx => tx.GetAsync("c", "b")));
    }

    [Fact]
    public async Task The_database_uses_wal_and_full_synchronous_commits()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_stores_on_one_file_serialize_their_transactions()
    {
        await using SqliteMetadataStore second = await SqliteMetadataStore.OpenAsync(DbPath);
        await Tx(tx => tx.PutAsync("c", "n", "0", IndexFields.None));
        static async Task Increment(IMetadataStore store) => await store.TransactAsync(async tx =>
        {
            StoredDocument doc = (await tx.GetAsync("c", "n"))!;
            return await tx.PutAsync("c", "n", (int.Parse(doc.Json) + 1).ToString(), IndexFields.None, doc.Version);
        });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Increment(i % 2 == 0 ? Store : second))));
        Assert.Equal("10", (await Tx(tx => tx.GetAsync("c", "n")))!.Json);
    }
}
