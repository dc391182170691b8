using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Domain.Plans;
using Arca.Storage.Format;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class RecoveryPointServiceTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_cataloged_recovery_point_is_described_with_its_calculated_lifecycle_and_counted_in_its_vault()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupVaultDetails vault = await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, lifecycle: new Lifecycle(30, 120));

        RecoveryPointDescription described = await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn);

        Assert.Equal(rp, Same(rp, described.RecoveryPoint));
        Assert.Equal(new CalculatedLifecycle(ControlFixture.T0.AddDays(30), ControlFixture.T0.AddDays(120)), described.CalculatedLifecycle);
        Assert.Equal((BackupVaultDetails.AwsOwnedKey, "WARM", vault.EncryptionKeyArn), (described.EncryptionKeyType, described.RecoveryPoint.StorageClass, rp.EncryptionKeyArn));
        Assert.Equal(1, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);
        Assert.Equal(rp, Same(rp, await _f.Catalog.GetAsync("us-east-1", root.AccountId, "cabvault", rp.RecoveryPointArn)));
        Assert.Equal(rp, Same(rp, await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn)));
        Assert.Null(await _f.Catalog.GetAsync("us-east-1", root.AccountId, "other", rp.RecoveryPointArn));
        Assert.Null(await _f.Catalog.FindAsync("eu-west-1", rp.RecoveryPointArn));
    }

    [Fact]
    public async Task Adding_is_idempotent_for_the_same_engine_recovery_point_and_refuses_a_different_one()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);

        await _f.Catalog.AddAsync(rp);
        await Throws(() => _f.Catalog.AddAsync(rp with { EngineRecoveryPointId = new string('a', 64) }), "AlreadyExistsException", "is already cataloged");
        await Throws(() => _f.Catalog.AddAsync(rp with { BackupVaultName = "nope", BackupVaultArn = rp.BackupVaultArn[..^8] + "nope" }), "ResourceNotFoundException", "Backup vault nope not found");
        await Assert.ThrowsAsync<ArgumentException>(() => _f.Catalog.AddAsync(rp with { EngineRecoveryPointId = "x" }));
        await Assert.ThrowsAsync<ArgumentException>(() => _f.Catalog.AddAsync(rp with { AccountId = "111111111111" }));
        Assert.Equal(1, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);
    }

    [Fact]
    public async Task Listing_by_vault_filters_and_pages()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord web1 = await _f.BackUpAsync(root, resource: "web");
        _f.Time.Advance(TimeSpan.FromHours(1));
        RecoveryPointRecord db = await _f.BackUpAsync(root, resource: "db");
        _f.Time.Advance(TimeSpan.FromHours(1));
        RecoveryPointRecord web2 = await _f.BackUpAsync(root, resource: "web");

        async Task<IReadOnlyList<string>> ListAsync(RecoveryPointFilter filter, int? max = null)
        {
            var arns = new List<string>();
            string? token = null;
            do
            {
                BackupPage<RecoveryPointDescription> page = await _f.RecoveryPoints.ListByVaultAsync(root, "cabvault", filter, token, max);
                arns.AddRange(page.Items.Select(i => i.RecoveryPoint.RecoveryPointArn));
                token = page.NextToken;
            }
            while (token is not null);
            return arns;
        }

        Assert.Equal([web1.RecoveryPointArn, db.RecoveryPointArn, web2.RecoveryPointArn], await ListAsync(new RecoveryPointFilter(), 1));
        Assert.Equal([web1.RecoveryPointArn, web2.RecoveryPointArn], await ListAsync(new RecoveryPointFilter { ResourceArn = web1.ResourceArn }, 1));
        Assert.Equal([db.RecoveryPointArn], await ListAsync(new RecoveryPointFilter { CreatedAfter = ControlFixture.T0, CreatedBefore = ControlFixture.T0.AddHours(2) }));
        Assert.Empty(await ListAsync(new RecoveryPointFilter { ResourceType = "SQLite" }));
        Assert.Equal(3, (await ListAsync(new RecoveryPointFilter { ResourceType = "Directory", BackupPlanId = "plan-1" }, 2)).Count);
        Assert.Empty(await ListAsync(new RecoveryPointFilter { BackupPlanId = "other" }));
        Assert.Empty(await ListAsync(new RecoveryPointFilter { ParentRecoveryPointArn = web1.RecoveryPointArn }));
        await Throws(() => _f.RecoveryPoints.ListByVaultAsync(root, "cabvault", new RecoveryPointFilter { ResourceArn = "bad" }), "InvalidParameterValueException", "ByResourceArn");
        await Throws(() => _f.RecoveryPoints.ListByVaultAsync(root, "nope"), "ResourceNotFoundException", "Backup vault nope not found");
        string token = (await _f.RecoveryPoints.ListByVaultAsync(root, "cabvault", maxResults: 1)).NextToken!;
        await Throws(() => _f.RecoveryPoints.ListByVaultAsync(root, "cabvault", new RecoveryPointFilter { ResourceType = "Directory" }, token), "InvalidParameterValueException", "NextToken");
    }

    [Fact]
    public async Task Listing_by_resource_spans_vaults_and_protected_resources_follow_the_latest_recovery_point()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        await _f.CreateVaultAsync(root, "second");
        RecoveryPointRecord first = await _f.BackUpAsync(root);
        _f.Time.Advance(TimeSpan.FromDays(1));
        RecoveryPointRecord latest = await _f.BackUpAsync(root, "second");
        await _f.BackUpAsync(root, resource: "db");

        BackupPage<RecoveryPointDescription> byResource = await _f.RecoveryPoints.ListByResourceAsync(root, first.ResourceArn);
        Assert.Equal([first.RecoveryPointArn, latest.RecoveryPointArn], byResource.Items.Select(i => i.RecoveryPoint.RecoveryPointArn));

        ProtectedResource web = await _f.ProtectedResources.DescribeAsync(root, first.ResourceArn);
        Assert.Equal(new ProtectedResource(first.ResourceArn, "Directory", "web", latest.CreationDate, latest.BackupVaultArn, latest.RecoveryPointArn), web);
        Assert.Equal(2, (await _f.ProtectedResources.ListAsync(root)).Items.Count);

        await _f.RecoveryPoints.DeleteAsync(root, "second", latest.RecoveryPointArn);
        Assert.Equal(first.RecoveryPointArn, (await _f.ProtectedResources.DescribeAsync(root, first.ResourceArn)).LastRecoveryPointArn);
        await _f.RecoveryPoints.DeleteAsync(root, "cabvault", first.RecoveryPointArn);
        await Throws(() => _f.ProtectedResources.DescribeAsync(root, first.ResourceArn), "ResourceNotFoundException", "has no recovery points");
        Assert.Single((await _f.ProtectedResources.ListAsync(root)).Items);
        await Throws(() => _f.ProtectedResources.DescribeAsync(root, "x"), "InvalidParameterValueException", "ResourceArn: 'x' is not an ARN");
        await Throws(() => _f.RecoveryPoints.ListByResourceAsync(root, null), "MissingParameterValueException", "ResourceArn: is required");
    }

    [Fact]
    public async Task Lifecycle_updates_follow_the_cold_storage_rules()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, lifecycle: new Lifecycle(10, 100));

        await Throws(() => Update(new Lifecycle(30, 100)), "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays");
        await Throws(() => Update(new Lifecycle(DeleteAfterDays: 0)), "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days");
        await Throws(() => Update(new Lifecycle(MoveToColdStorageAfterDays: 36501)), "InvalidParameterValueException", "Lifecycle.MoveToColdStorageAfterDays");
        RecoveryPointLifecycleUpdate updated = await Update(new Lifecycle(20, 110));
        Assert.Equal((rp.BackupVaultArn, new Lifecycle(20, 110), new CalculatedLifecycle(ControlFixture.T0.AddDays(20), ControlFixture.T0.AddDays(110))),
            (updated.BackupVaultArn, updated.Lifecycle, updated.CalculatedLifecycle));

        _f.Time.Advance(TimeSpan.FromDays(21));
        Assert.Equal(1, (await _f.Sweeper.SweepAsync("us-east-1")).MovedToCold);
        Assert.Equal("COLD", (await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn)).RecoveryPoint.StorageClass);
        await Throws(() => Update(new Lifecycle(25, 200)), "InvalidRequestException", "has already moved to cold storage, so its MoveToColdStorageAfterDays (20 days) cannot be changed");
        Assert.Null((await Update(new Lifecycle(20, null))).CalculatedLifecycle.DeleteAt);
        await Throws(() => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn.Replace("recovery-point", "backup-plan", StringComparison.Ordinal), null),
            "InvalidParameterValueException", "RecoveryPointArn: ");

        Task<RecoveryPointLifecycleUpdate> Update(Lifecycle lifecycle) => _f.RecoveryPoints.UpdateLifecycleAsync(root, "cabvault", rp.RecoveryPointArn, lifecycle);
    }

    [Fact]
    public async Task Deleting_removes_the_engine_manifest_and_the_entry_and_queues_garbage_collection()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);
        OpenedBackupVault vault = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");
        long packBytes = await DataBytesAsync(vault);

        await _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn);

        Assert.Empty(await vault.Vault.Reader.ListRecoveryPointIdsAsync());
        await Throws(() => _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn), "ResourceNotFoundException", $"Recovery point {rp.RecoveryPointArn} not found in backup vault cabvault");
        await Throws(() => _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn), "ResourceNotFoundException", "not found");
        Assert.Equal(0, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);
        Assert.True(_f.Maintenance.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.True(packBytes > 0);
        Assert.Equal(packBytes, await DataBytesAsync(vault));

        Assert.Equal(1, (await _f.Sweeper.SweepAsync("us-east-1")).Collected);
        Assert.Equal(0, await DataBytesAsync(vault));
        Assert.Equal(0, (await _f.Sweeper.SweepAsync("us-east-1")).Collected);
    }

    [Fact]
    public async Task Recovery_point_tags_come_from_the_job_and_change_through_the_tag_operations()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root, tags: new Dictionary<string, string> { ["owner"] = "backup" });

        Assert.Equal("backup", (await _f.Tags.ListTagsAsync(root, rp.RecoveryPointArn))["owner"]);
        await _f.Tags.TagResourceAsync(root, rp.RecoveryPointArn, new Dictionary<string, string> { ["env"] = "prod" });
        await _f.Tags.UntagResourceAsync(root, rp.RecoveryPointArn, ["owner"]);
        Assert.Equal(["env"], (await _f.Tags.ListTagsAsync(root, rp.RecoveryPointArn)).Keys);
        await _f.Tags.TagResourceAsync(root, rp.BackupVaultArn, new Dictionary<string, string> { ["team"] = "ops" });
        Assert.Equal("ops", (await _f.Tags.ListTagsAsync(root, rp.BackupVaultArn))["team"]);
        await Throws(() => _f.Tags.ListTagsAsync(root, rp.RecoveryPointArn + "x"), "ResourceNotFoundException", "not found");
    }

    [Fact]
    public async Task The_rebuilder_restores_entries_missing_after_a_crash_between_the_engine_commit_and_the_catalog_write()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord kept = await _f.BackUpAsync(root);
        RecoveryPointRecord lost = await _f.BackUpAsync(root, lifecycle: new Lifecycle(DeleteAfterDays: 35), catalog: false, tags: new Dictionary<string, string> { ["owner"] = "backup" });
        Assert.Equal(1, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);

        (int _, int rebuilt) = await _f.Startup.RunAsync();

        Assert.Equal(1, rebuilt);
        RecoveryPointRecord back = (await _f.Catalog.FindAsync("us-east-1", lost.RecoveryPointArn))!;
        Assert.Equal(
            (lost.EngineRecoveryPointId, lost.ResourceArn, lost.ResourceType, lost.ResourceName, lost.CreationDate, lost.Lifecycle, lost.CreatedBy, lost.IamRoleArn, lost.EncryptionKeyArn),
            (back.EngineRecoveryPointId, back.ResourceArn, back.ResourceType, back.ResourceName, back.CreationDate, back.Lifecycle, back.CreatedBy, back.IamRoleArn, back.EncryptionKeyArn));
        Assert.Equal(("COMPLETED", "backup"), (back.Status, back.Tags["owner"]));
        Assert.Equal(2, (await _f.Vaults.DescribeAsync(root, "cabvault")).NumberOfRecoveryPoints);
        Assert.Equal(0, await _f.Rebuilder.RebuildAsync("us-east-1", root.AccountId, "cabvault"));
        Assert.Equal(kept, Same(kept, await _f.Catalog.FindAsync("us-east-1", kept.RecoveryPointArn)));
        await _f.Catalog.AddAsync(lost); // the crashed job, retried, finds its entry
    }

    [Fact]
    public async Task A_deletion_interrupted_after_the_entry_became_deleting_is_finished_by_the_sweeper_not_resurrected()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        RecoveryPointRecord rp = await _f.BackUpAsync(root);
        await DeletingAsync(rp);
        Assert.Equal(RecoveryPointCatalog.Deleting, (await _f.RecoveryPoints.DescribeAsync(root, "cabvault", rp.RecoveryPointArn)).RecoveryPoint.Status);

        Assert.Equal(0, await _f.Rebuilder.RebuildAsync("us-east-1", root.AccountId, "cabvault"));
        LifecycleSweepReport report = await _f.Sweeper.SweepAsync("us-east-1");

        Assert.Equal((1, 1), (report.Deleted, report.Collected));
        Assert.Null(await _f.Catalog.FindAsync("us-east-1", rp.RecoveryPointArn));
        Assert.Empty(await (await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault")).Vault.Reader.ListRecoveryPointIdsAsync());
    }

    /// <summary>What DeleteRecoveryPoint leaves when the process dies after the entry became DELETING.</summary>
    private async Task DeletingAsync(RecoveryPointRecord rp)
    {
        var doc = (await RecoveryPointCatalog.GetDocumentAsync(_f.UsEast1, rp.AccountId, rp.BackupVaultName, rp.RecoveryPointArn, default))!;
        await RecoveryPointCatalog.UpdateAsync(_f.UsEast1, doc, r => r with { Status = RecoveryPointCatalog.Deleting }, default);
    }

    /// <summary><paramref name="actual"/> with <paramref name="expected"/>'s tag dictionary once their contents match (records compare dictionaries by reference).</summary>
    private static RecoveryPointRecord? Same(RecoveryPointRecord expected, RecoveryPointRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Tags.OrderBy(t => t.Key), actual.Tags.OrderBy(t => t.Key));
        return actual with { Tags = expected.Tags };
    }

    private static async Task<long> DataBytesAsync(OpenedBackupVault vault)
    {
        long total = 0;
        await foreach (Storage.Blobs.BlobInfo info in vault.Vault.Store.ListAsync(FormatIds.DataPrefix))
        {
            total += info.Size;
        }

        return total;
    }
}
