using Arca.Control.Backup;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup;

public sealed class ResourceInventoryServiceTests : IDisposable
{
    private const string Secret = "s3cr3t-pw-91c2";
    private const string ConnectionString = $"Host=127.0.0.1;Port=5432;Username=app;Password={Secret};Database=app";
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-inventory-").FullName;
    private readonly BackupFixture _f = new(new ResourceTypeRegistry([new DirectoryResourceType(), new SqliteResourceType(), new AcceptingPostgreSql()]));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_directory_is_registered_with_its_arn_and_tags_and_can_be_described_listed_and_deregistered()
    {
        CallerIdentity root = await _f.NewRootAsync();
        InventoryResource resource = await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", _dir, Tags: new Dictionary<string, string> { ["backup"] = "cab" }));

        Assert.Equal($"arn:aws:arca:us-east-1:{root.AccountId}:directory/web", resource.ResourceArn);
        Assert.Equal(resource with { Tags = null! }, (await _f.Resources.DescribeAsync(root, resource.ResourceArn)) with { Tags = null! });
        Assert.Equal("cab", (await _f.Tags.ListTagsAsync(root, resource.ResourceArn))["backup"]);
        await _f.Tags.TagResourceAsync(root, resource.ResourceArn, new Dictionary<string, string> { ["env"] = "prod" });
        Assert.Equal(2, (await _f.Resources.DescribeAsync(root, resource.ResourceArn)).Tags.Count);

        await _f.Resources.DeregisterAsync(root, resource.ResourceArn);
        await Throws(() => _f.Resources.DescribeAsync(root, resource.ResourceArn), "ResourceNotFoundException", $"Resource {resource.ResourceArn} is not registered");
    }

    [Fact]
    public async Task Registration_is_validated_by_the_resource_type_naming_the_field()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", Path.Combine(_dir, "missing"))), "InvalidParameterValueException", "Path: ");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Tape", "web", _dir)), "InvalidParameterValueException", "Type: 'Tape' is not a resource type (expected one of Directory, PostgreSQL, SQLite)");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest(null, "web", _dir)), "MissingParameterValueException", "Type: is required");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "a/b", _dir)), "InvalidParameterValueException", "Name: 'a/b' must contain 1 to 128");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web")), "MissingParameterValueException", "Path: is required");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", _dir, ConnectionString)), "InvalidParameterValueException", "ConnectionString: a Directory resource is defined by Path");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("PostgreSQL", "db", _dir)), "InvalidParameterValueException", "Path: a PostgreSQL resource is defined by ConnectionString");
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("SQLite", "db", Path.Combine(_dir, "nope.db"))), "InvalidParameterValueException", "Path: ");

        await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", _dir));
        await Throws(() => _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", _dir)), "AlreadyExistsException", "is already registered");
    }

    [Fact]
    public async Task A_connection_string_is_sealed_at_rest_and_never_returned_with_its_password()
    {
        CallerIdentity root = await _f.NewRootAsync();
        InventoryResource resource = await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("PostgreSQL", "db", ConnectionString: ConnectionString));

        Assert.Equal("host=127.0.0.1;port=5432;username=app;database=app", resource.ConnectionString);
        Assert.DoesNotContain(Secret, (await _f.Resources.DescribeAsync(root, resource.ResourceArn)).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, (await _f.Resources.ListAsync(root)).Items.Single().ToString(), StringComparison.Ordinal);
        StoredDocument stored = (await _f.Regions.Get("us-east-1").Store.TransactAsync(tx => tx.GetAsync("resources", $"{root.AccountId}/{resource.ResourceArn}")))!;
        Assert.DoesNotContain(Secret, stored.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("Username=app", stored.Json, StringComparison.Ordinal);

        (InventoryResource _, ResourceDefinition definition) = (await _f.Resources.GetDefinitionAsync(root.AccountId, "us-east-1", resource.ResourceArn))!.Value;
        Assert.Equal(ConnectionString, definition.ConnectionString);
        Assert.Null(await _f.Resources.GetDefinitionAsync(root.AccountId, "us-east-1", resource.ResourceArn + "x"));
    }

    [Fact]
    public async Task Lists_are_paged_filtered_by_type_and_per_account_and_region()
    {
        CallerIdentity root = await _f.NewRootAsync();
        for (int i = 0; i < 3; i++)
        {
            await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", $"d{i}", _dir));
        }

        await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("PostgreSQL", "db", ConnectionString: ConnectionString));
        BackupPage<InventoryResource> first = await _f.Resources.ListAsync(root, maxResults: 2);
        BackupPage<InventoryResource> second = await _f.Resources.ListAsync(root, nextToken: first.NextToken, maxResults: 2);
        Assert.Equal(["d0", "d1", "d2", "db"], first.Items.Concat(second.Items).Select(r => r.ResourceName).Order(StringComparer.Ordinal));
        Assert.Null(second.NextToken);
        Assert.Equal(3, (await _f.Resources.ListAsync(root, "Directory")).Items.Count);
        Assert.Equal(4, (await _f.Resources.ListAllAsync(root.AccountId, "us-east-1")).Count);
        Assert.Empty((await _f.Resources.ListAsync(root with { Region = "eu-west-1" })).Items);
        Assert.Empty((await _f.Resources.ListAsync(await _f.NewRootAsync("other"))).Items);
        await Throws(() => _f.Resources.ListAsync(root, "Tape"), "InvalidParameterValueException", "Type: 'Tape'");
    }

    [Fact]
    public async Task Arns_of_other_kinds_accounts_and_regions_are_refused()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        InventoryResource resource = await _f.Resources.RegisterAsync(root, new RegisterResourceRequest("Directory", "web", _dir));

        await Throws(() => _f.Resources.DescribeAsync(root, "arn:aws:backup:us-east-1:111111111111:backup-vault:v"), "InvalidParameterValueException", "is not the ARN of an Arca resource");
        await Throws(() => _f.Resources.DescribeAsync(root, null), "MissingParameterValueException", "ResourceArn: is required");
        await Assert.ThrowsAsync<Control.Iam.AccessDeniedException>(() => _f.Resources.DescribeAsync(other, resource.ResourceArn));
        await Throws(() => _f.Resources.DescribeAsync(root with { Region = "eu-west-1" }, resource.ResourceArn), "ResourceNotFoundException", "region eu-west-1");
    }

    /// <summary>A PostgreSQL type whose validation accepts any connection string (no server in unit tests).</summary>
    private sealed class AcceptingPostgreSql : IResourceType
    {
        public string Name => ResourceTypeNames.PostgreSql;

        public IReadOnlyList<string> MetadataKeys => [];

        public Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest) => throw new NotSupportedException();

        public Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
