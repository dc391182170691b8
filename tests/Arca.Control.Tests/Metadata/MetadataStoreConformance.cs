using Arca.Control.Metadata;

namespace Arca.Control.Tests.Metadata;

/// <summary>
/// The contract of <see cref="IMetadataStore"/>: every implementation passes this suite
/// (STYLE.md 5). A subclass says how to open a store, and whether it survives a reopen.
/// </summary>
public abstract class MetadataStoreConformance : IAsyncLifetime
{
    private const string C = "things";

    protected IMetadataStore Store { get; private set; } = null!;

    /// <summary>Opens the store under test (the same data when called again after a dispose, for durable stores).</summary>
    protected abstract Task<IMetadataStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task Insert_then_get_returns_the_document_at_version_1()
    {
        Assert.True(await Tx(tx => tx.InsertAsync(C, "a", "{\"x\":1}", new IndexFields("i-1", null, "z"))));
        StoredDocument? doc = await Tx(tx => tx.GetAsync(C, "a"));
        Assert.Equal(new StoredDocument("a", "{\"x\":1}", 1, new IndexFields("i-1", null, "z")), doc);
    }

    [Fact]
    public async Task Insert_of_an_existing_key_returns_false_and_changes_nothing()
    {
        await Tx(tx => tx.InsertAsync(C, "a", "1", IndexFields.None));
        Assert.False(await Tx(tx => tx.InsertAsync(C, "a", "2", IndexFields.None)));
        Assert.Equal("1", (await Tx(tx => tx.GetAsync(C, "a")))!.Json);
    }

    [Fact]
    public async Task Get_of_a_missing_key_or_collection_is_null()
    {
        await Tx(tx => tx.InsertAsync(C, "a", "1", IndexFields.None));
        Assert.Null(await Tx(tx => tx.GetAsync(C, "b")));
        Assert.Null(await Tx(tx => tx.GetAsync("other", "a")));
    }

    [Fact]
    public async Task Put_creates_then_replaces_and_increments_the_version()
    {
        Assert.Equal(1, await Tx(tx => tx.PutAsync(C, "a", "1", new IndexFields("x"))));
        Assert.Equal(2, await Tx(tx => tx.PutAsync(C, "a", "2", new IndexFields("y"))));
        Assert.Equal(new StoredDocument("a", "2", 2, new IndexFields("y")), await Tx(tx => tx.GetAsync(C, "a")));
    }

    [Fact]
    public async Task Put_with_the_expected_version_succeeds_and_with_another_conflicts()
    {
        Assert.Equal(1, await Tx(tx => tx.PutAsync(C, "a", "1", IndexFields.None, expectedVersion: 0)));
        Assert.Equal(2, await Tx(tx => tx.PutAsync(C, "a", "2", IndexFields.None, expectedVersion: 1)));
        await Assert.ThrowsAsync<MetadataConflictException>(() => Tx(tx => tx.PutAsync(C, "a", "3", IndexFields.None, expectedVersion: 1)));
        await Assert.ThrowsAsync<MetadataConflictException>(() => Tx(tx => tx.PutAsync(C, "b", "3", IndexFields.None, expectedVersion: 1)));
        await Assert.ThrowsAsync<MetadataConflictException>(() => Tx(tx => tx.PutAsync(C, "a", "3", IndexFields.None, expectedVersion: 0)));
        Assert.Equal("2", (await Tx(tx => tx.GetAsync(C, "a")))!.Json);
    }

    [Fact]
    public async Task Delete_removes_and_reports_whether_the_document_existed()
    {
        await Tx(tx => tx.InsertAsync(C, "a", "1", IndexFields.None));
        Assert.True(await Tx(tx => tx.DeleteAsync(C, "a")));
        Assert.False(await Tx(tx => tx.DeleteAsync(C, "a")));
        Assert.Null(await Tx(tx => tx.GetAsync(C, "a")));
        Assert.True(await Tx(tx => tx.InsertAsync(C, "a", "again", IndexFields.None)));
        Assert.Equal(1, (await Tx(tx => tx.GetAsync(C, "a")))!.Version);
    }

    [Fact]
    public async Task An_exception_rolls_back_every_write_of_the_transaction()
    {
        await Tx(tx => tx.PutAsync(C, "kept", "1", IndexFields.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.TransactAsync<int>(async tx =>
        {
            await tx.InsertAsync(C, "new", "x", IndexFields.None);
            await tx.PutAsync(C, "kept", "2", IndexFields.None);
            await tx.DeleteAsync(C, "kept");
            await tx.PutAsync(C, "kept", "3", IndexFields.None);
            throw new InvalidOperationException("boom");
        }));

        Assert.Null(await Tx(tx => tx.GetAsync(C, "new")));
        Assert.Equal(new StoredDocument("kept", "1", 1, IndexFields.None), await Tx(tx => tx.GetAsync(C, "kept")));
    }

    [Fact]
    public async Task A_transaction_sees_its_own_writes()
    {
        (StoredDocument? Doc, int Count) seen = await Tx(async tx =>
        {
            await tx.InsertAsync(C, "a", "1", IndexFields.None);
            await tx.PutAsync(C, "a", "2", IndexFields.None);
            return (await tx.GetAsync(C, "a"), (await tx.ListAsync(C, DocumentQuery.All)).Count);
        });
        Assert.Equal(("2", 2L, 1), (seen.Doc!.Json, seen.Doc.Version, seen.Count));
    }

    [Fact]
    public async Task Concurrent_read_modify_write_transactions_lose_no_update()
    {
        await Tx(tx => tx.PutAsync(C, "counter", "0", IndexFields.None));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Tx(async tx =>
        {
            StoredDocument doc = (await tx.GetAsync(C, "counter"))!;
            await Task.Yield();
            return await tx.PutAsync(C, "counter", (int.Parse(doc.Json) + 1).ToString(), IndexFields.None, doc.Version);
        }))));
        StoredDocument final = (await Tx(tx => tx.GetAsync(C, "counter")))!;
        Assert.Equal(("20", 21L), (final.Json, final.Version));
    }

    [Fact]
    public async Task A_transaction_does_not_see_another_transactions_uncommitted_writes()
    {
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        Task writer = Store.TransactAsync<int>(async tx =>
        {
            await tx.PutAsync(C, "a", "uncommitted", IndexFields.None);
            inside.SetResult();
            await release.Task;
            throw new InvalidOperationException("abandon");
        });
        await inside.Task;
        Task<StoredDocument?> reader = Tx(tx => tx.GetAsync(C, "a"));
        Assert.False(reader.IsCompleted);
        release.SetResult();
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer);
        Assert.Null(await reader);
    }

    [Fact]
    public async Task List_returns_documents_in_code_point_key_order()
    {
        string[] keys = ["b", "a/2", "a/10", "A", "a", "é", "\uFFFD", "\U0001F600", "~"];
        foreach (string key in keys)
        {
            await Tx(tx => tx.InsertAsync(C, key, "1", IndexFields.None));
        }

        await Tx(tx => tx.InsertAsync("other", "0", "1", IndexFields.None));
        IReadOnlyList<StoredDocument> all = await Tx(tx => tx.ListAsync(C, DocumentQuery.All));
        Assert.Equal(["A", "a", "a/10", "a/2", "b", "~", "é", "\uFFFD", "\U0001F600"], all.Select(d => d.Key));
    }

    [Fact]
    public async Task List_filters_on_index_fields_and_the_i3_range()
    {
        await Tx(tx => tx.InsertAsync(C, "1", "1", new IndexFields("acct-a", "RUNNING", "2026-01-01")));
        await Tx(tx => tx.InsertAsync(C, "2", "1", new IndexFields("acct-a", "DONE", "2026-01-02")));
        await Tx(tx => tx.InsertAsync(C, "3", "1", new IndexFields("acct-b", "DONE", "2026-01-03")));
        await Tx(tx => tx.InsertAsync(C, "4", "1", new IndexFields("acct-a", null, null)));

        Assert.Equal(["1", "2", "4"], await Keys(new DocumentQuery { I1 = "acct-a" }));
        Assert.Equal(["2", "3"], await Keys(new DocumentQuery { I2 = "DONE" }));
        Assert.Equal(["2"], await Keys(new DocumentQuery { I1 = "acct-a", I2 = "DONE" }));
        Assert.Equal(["3"], await Keys(new DocumentQuery { I3 = "2026-01-03" }));
        Assert.Equal(["2", "3"], await Keys(new DocumentQuery { I3From = "2026-01-02" }));
        Assert.Equal(["1"], await Keys(new DocumentQuery { I3To = "2026-01-02" }));
        Assert.Equal(["2"], await Keys(new DocumentQuery { I3From = "2026-01-02", I3To = "2026-01-03" }));
        Assert.Empty(await Keys(new DocumentQuery { I1 = "acct-c" }));
    }

    [Fact]
    public async Task List_filters_on_a_key_prefix_taken_literally()
    {
        foreach (string key in new[] { "acct1/r1", "acct1/r2", "acct10/r1", "acct2/r1", "acct%/x", "acct_/y" })
        {
            await Tx(tx => tx.InsertAsync(C, key, "1", IndexFields.None));
        }

        Assert.Equal(["acct1/r1", "acct1/r2"], await Keys(new DocumentQuery { KeyPrefix = "acct1/" }));
        Assert.Equal(["acct%/x"], await Keys(new DocumentQuery { KeyPrefix = "acct%" }));
        Assert.Equal(["acct_/y"], await Keys(new DocumentQuery { KeyPrefix = "acct_" }));
    }

    [Fact]
    public async Task List_pages_with_after_key_and_limit_until_exhausted()
    {
        for (int i = 0; i < 25; i++)
        {
            int n = i;
            await Tx(tx => tx.InsertAsync(C, $"k{n:D2}", "1", new IndexFields(n % 2 == 0 ? "even" : "odd")));
        }

        var pages = new List<IReadOnlyList<string>>();
        string? after = null;
        do
        {
            IReadOnlyList<string> page = await Keys(new DocumentQuery { I1 = "even", AfterKey = after, Limit = 5 });
            pages.Add(page);
            after = page.Count == 5 ? page[^1] : null;
        }
        while (after is not null);

        Assert.Equal([5, 5, 3], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"k{i * 2:D2}"), pages.SelectMany(p => p));
        Assert.Empty(await Keys(new DocumentQuery { Limit = 0 }));
    }

    [Fact]
    public async Task Collections_are_independent()
    {
        await Tx(tx => tx.InsertAsync("x", "k", "in x", IndexFields.None));
        await Tx(tx => tx.InsertAsync("y", "k", "in y", IndexFields.None));
        await Tx(tx => tx.DeleteAsync("x", "k"));
        Assert.Equal("in y", (await Tx(tx => tx.GetAsync("y", "k")))!.Json);
        Assert.Empty(await Tx(tx => tx.ListAsync("x", DocumentQuery.All)));
    }

    [Fact]
    public async Task Json_and_keys_round_trip_unicode_and_large_values()
    {
        string json = "{\"s\":\"" + new string('x', 200_000) + "\u00e9\U0001F600\"}";
        await Tx(tx => tx.PutAsync(C, "clé/\U0001F600", json, new IndexFields("é")));
        Assert.Equal(json, (await Tx(tx => tx.GetAsync(C, "clé/\U0001F600")))!.Json);
        Assert.Single(await Keys(new DocumentQuery { I1 = "é" }));
    }

    [Fact]
    public async Task The_transaction_result_is_returned_and_a_cancelled_token_runs_nothing()
    {
        Assert.Equal(42, await Store.TransactAsync(_ => Task.FromResult(42)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        bool ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.TransactAsync(_ =>
        {
            ran = true;
            return Task.FromResult(0);
        }, cancelled.Token));
        Assert.False(ran);
    }

    protected Task<T> Tx<T>(Func<IMetadataTransaction, Task<T>> work) => Store.TransactAsync(work);

    protected async Task<IReadOnlyList<string>> Keys(DocumentQuery query) =>
        [.. (await Tx(tx => tx.ListAsync(C, query))).Select(d => d.Key)];

    /// <summary>Closes and reopens the store (durable stores keep their data).</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await OpenAsync();
    }
}
