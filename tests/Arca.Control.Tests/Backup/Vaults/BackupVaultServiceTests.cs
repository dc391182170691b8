using Arca.Control.Backup.Vaults;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Metadata;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class BackupVaultServiceTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_vault_without_a_key_uses_the_accounts_aws_backup_key_and_reports_it_as_aws_owned()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupVaultDetails created = await _f.CreateVaultAsync(root);

        Assert.Equal($"arn:aws:backup:us-east-1:{root.AccountId}:backup-vault:cabvault", created.BackupVaultArn);
        Assert.Equal(ControlFixture.T0, created.CreationDate);
        Assert.True(await _f.Resolver.IsAwsManagedAsync("us-east-1", created.EncryptionKeyArn));
        Assert.Equal(await _f.Resolver.ResolveAsync(root.AccountId, "us-east-1", null), created.EncryptionKeyArn);
        BackupVaultDetails described = await _f.Vaults.DescribeAsync(root, "cabvault");
        Assert.Equal((BackupVaultDetails.AwsOwnedKey, 0L, false, (VaultLockSettings?)null), (described.EncryptionKeyType, described.NumberOfRecoveryPoints, described.Locked, described.Lock));
        Assert.Single(_f.EngineDirectories(root.AccountId));
    }

    [Fact]
    public async Task A_vault_under_a_customer_key_given_by_key_or_alias_arn_keeps_the_key_arn()
    {
        CallerIdentity root = await _f.NewRootAsync();
        KeyMetadata key = await _f.CreateKeyAsync(root);
        await new AliasService(_f.Regions, _f.Control.Authorizer, new PageTokens(new byte[32]), _f.Time).CreateAliasAsync(root, "alias/cab", key.KeyId);

        BackupVaultDetails byKey = await _f.CreateVaultAsync(root, "by-key", key.Arn);
        BackupVaultDetails byAlias = await _f.CreateVaultAsync(root, "by_alias", $"arn:aws:kms:us-east-1:{root.AccountId}:alias/cab");

        Assert.Equal((key.Arn, BackupVaultDetails.CustomerManagedKey), (byKey.EncryptionKeyArn, byKey.EncryptionKeyType));
        Assert.Equal(key.Arn, byAlias.EncryptionKeyArn);
        OpenedBackupVault opened = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "by_alias");
        Assert.Equal(key.Arn, opened.EncryptionKeyArn);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("has space")]
    [InlineData("dots.not.allowed")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789x")]
    public async Task A_bad_name_is_refused_naming_the_field(string name)
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.CreateVaultAsync(root, name), "InvalidParameterValueException", "BackupVaultName: ");
        await Throws(() => _f.Vaults.DescribeAsync(root, name), "InvalidParameterValueException", "BackupVaultName: ");
    }

    [Fact]
    public async Task Input_errors_name_their_field()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.CreateVaultAsync(root, ""), "MissingParameterValueException", "BackupVaultName: is required");
        await Throws(() => _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("v1", BackupVaultTags: new Dictionary<string, string> { ["aws:x"] = "y" })),
            "InvalidParameterValueException", "BackupVaultTags: the tag key 'aws:x'");
        await Throws(() => _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("v1", CreatorRequestId: "bad token!")), "InvalidParameterValueException", "CreatorRequestId");
        await Throws(() => _f.CreateVaultAsync(root, "v1", "not-an-arn"), "InvalidParameterValueException", "Invalid EncryptionKeyArn 'not-an-arn'");
        await Throws(() => _f.CreateVaultAsync(root, "v1", $"arn:aws:kms:eu-west-1:{root.AccountId}:key/x"), "InvalidParameterValueException", "needs a KMS key of us-east-1");
        await Throws(() => _f.Vaults.ListAsync(root, maxResults: 0), "InvalidParameterValueException", "MaxResults: 0");
        await Throws(() => _f.Vaults.ListAsync(root, vaultType: "COLD"), "InvalidParameterValueException", "ByVaultType: 'COLD'");
        await Throws(() => _f.Vaults.ListAsync(root, nextToken: "forged"), "InvalidParameterValueException", "NextToken");
        await Throws(() => _f.Vaults.DescribeAsync(root, "cabvault", "12"), "InvalidParameterValueException", "BackupVaultAccountId: '12'");
        Assert.Empty(_f.EngineDirectories(root.AccountId));
    }

    [Fact]
    public async Task A_key_the_backup_service_cannot_use_fails_with_aws_backups_message_and_leaves_no_vault()
    {
        CallerIdentity root = await _f.NewRootAsync();
        KeyMetadata key = await _f.CreateKeyAsync(root);
        await _f.Keys.DisableKeyAsync(root, key.KeyId);

        KmsKeyUnavailableException e = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => _f.CreateVaultAsync(root, "cabvault", key.Arn));

        Assert.Equal(("InvalidRequestException", KmsKeyUnavailableException.AwsMessage), (e.Code, e.Message));
        await Throws(() => _f.Vaults.DescribeAsync(root, "cabvault"), "ResourceNotFoundException", "Backup vault cabvault not found");
        Assert.Empty(_f.EngineDirectories(root.AccountId));
    }

    [Fact]
    public async Task A_name_is_unique_per_account_and_region_and_a_retried_request_gets_the_first_vault()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        BackupVaultDetails first = await _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("cabvault", CreatorRequestId: "req-1"));

        BackupVaultDetails again = await _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("cabvault", CreatorRequestId: "req-1"));
        await Throws(() => _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("cabvault", CreatorRequestId: "req-2")), "AlreadyExistsException", "A backup vault named cabvault already exists");
        string key = (await _f.CreateKeyAsync(root)).Arn;
        await Throws(() => _f.Vaults.CreateAsync(root, new CreateBackupVaultRequest("cabvault", EncryptionKeyArn: key, CreatorRequestId: "req-1")), "AlreadyExistsException", "from a different request");
        await Throws(() => _f.CreateVaultAsync(root), "AlreadyExistsException", first.BackupVaultArn);
        await _f.CreateVaultAsync(other);
        await _f.CreateVaultAsync(root with { Region = "eu-west-1" });

        Assert.Equal((first.BackupVaultArn, first.CreationDate, "req-1"), (again.BackupVaultArn, again.CreationDate, again.CreatorRequestId));
        Assert.Single(_f.EngineDirectories(root.AccountId));
    }

    [Fact]
    public async Task Listing_pages_in_name_order_within_the_account()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        foreach (string name in new[] { "c-vault", "a-vault", "b-vault" })
        {
            await _f.CreateVaultAsync(root, name);
        }

        await _f.CreateVaultAsync(other, "z-vault");
        var names = new List<string>();
        string? token = null;
        do
        {
            Control.Backup.BackupPage<BackupVaultDetails> page = await _f.Vaults.ListAsync(root, nextToken: token, maxResults: 2);
            names.AddRange(page.Items.Select(v => v.BackupVaultName));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(["a-vault", "b-vault", "c-vault"], names);
        Assert.Empty((await _f.Vaults.ListAsync(root, shared: true)).Items);
        Assert.Empty((await _f.Vaults.ListAsync(root, vaultType: "LOGICALLY_AIR_GAPPED_BACKUP_VAULT")).Items);
        string? rootToken = (await _f.Vaults.ListAsync(root, maxResults: 1)).NextToken;
        await Throws(() => _f.Vaults.ListAsync(other, nextToken: rootToken), "InvalidParameterValueException", "NextToken");
    }

    [Fact]
    public async Task Deleting_refuses_a_vault_with_recovery_points_and_removes_an_empty_one_with_its_directory()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        var rp = await _f.BackUpAsync(root);

        await Throws(() => _f.Vaults.DeleteAsync(root, "cabvault"), "InvalidRequestException", "Backup vault cannot be deleted (contains 1 recovery points)");
        await _f.RecoveryPoints.DeleteAsync(root, "cabvault", rp.RecoveryPointArn);
        await _f.Vaults.DeleteAsync(root, "cabvault");

        await Throws(() => _f.Vaults.DescribeAsync(root, "cabvault"), "ResourceNotFoundException", $"Backup vault cabvault not found in account {root.AccountId} and region us-east-1");
        await Throws(() => _f.Vaults.DeleteAsync(root, "cabvault"), "ResourceNotFoundException", "Backup vault cabvault not found");
        Assert.Empty(_f.EngineDirectories(root.AccountId));
        await _f.CreateVaultAsync(root);
    }

    [Fact]
    public async Task A_vault_a_running_job_writes_to_cannot_be_deleted()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await _f.CreateVaultAsync(root);
        OpenedBackupVault opened = await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");
        await using (await Storage.Repository.VaultLock.AcquireAsync(opened.Vault, exclusive: false, "backup"))
        {
            await Throws(() => _f.Vaults.DeleteAsync(root, "cabvault"), "InvalidRequestException", "in use by a running job");
        }

        await _f.Vaults.DeleteAsync(root, "cabvault");
    }

    [Fact]
    public async Task A_crash_between_the_engine_init_and_the_document_leaves_no_visible_vault_and_the_next_create_cleans_up()
    {
        CallerIdentity root = await _f.NewRootAsync();
        string keyArn = await _f.Resolver.ResolveAsync(root.AccountId, "us-east-1", null);
        string engineId = await _f.Vaults.Directories.BeginCreateAsync(_f.UsEast1, root.AccountId, "cabvault", default);
        await _f.Engines.InitEngineAsync(_f.UsEast1, root.AccountId, engineId, keyArn, $"arn:aws:backup:us-east-1:{root.AccountId}:backup-vault:cabvault", default);
        // … the process dies here, before the document is written.

        await Throws(() => _f.Vaults.DescribeAsync(root, "cabvault"), "ResourceNotFoundException", "not found");
        Assert.Empty((await _f.Vaults.ListAsync(root)).Items);
        await Throws(() => _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault"), "ResourceNotFoundException", "not found");

        BackupVaultDetails created = await _f.CreateVaultAsync(root);
        string[] dirs = _f.EngineDirectories(root.AccountId);
        Assert.Single(dirs);
        Assert.DoesNotContain(engineId, dirs[0], StringComparison.Ordinal);
        Assert.Equal(created.BackupVaultArn, (await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault")).Arn);
    }

    [Fact]
    public async Task Start_up_recovery_removes_directories_of_creates_and_deletes_that_never_finished()
    {
        CallerIdentity root = await _f.NewRootAsync();
        string keyArn = await _f.Resolver.ResolveAsync(root.AccountId, "us-east-1", null);
        string abandoned = await _f.Vaults.Directories.BeginCreateAsync(_f.UsEast1, root.AccountId, "never", default);
        await _f.Engines.InitEngineAsync(_f.UsEast1, root.AccountId, abandoned, keyArn, $"arn:aws:backup:us-east-1:{root.AccountId}:backup-vault:never", default);
        await _f.CreateVaultAsync(root, "kept");
        await _f.CreateVaultAsync(root, "gone");
        VaultDocument gone = (await _f.UsEast1.Store.TransactAsync(tx => VaultCollections.Vaults.GetAsync(tx, $"{root.AccountId}/gone")))!;
        await _f.UsEast1.Store.TransactAsync(async tx =>
        {
            // What DeleteBackupVault's transaction leaves when the process dies before the directory is removed.
            await VaultCollections.Vaults.DeleteAsync(tx, $"{root.AccountId}/gone");
            return await VaultCollections.Engines.InsertAsync(tx, new VaultEngineDocument
            {
                AccountId = root.AccountId,
                BackupVaultName = "gone",
                EngineId = gone.EngineId,
                State = VaultEngineDocument.Removing,
                Since = _f.Time.GetUtcNow(),
            });
        });
        Assert.Equal(3, _f.EngineDirectories(root.AccountId).Length);

        (int removed, int rebuilt) = await _f.Startup.RunAsync();

        Assert.Equal((2, 0), (removed, rebuilt));
        Assert.Single(_f.EngineDirectories(root.AccountId));
        Assert.Equal(["kept"], (await _f.Vaults.ListAsync(root)).Items.Select(v => v.BackupVaultName));
        Assert.Empty(await _f.UsEast1.Store.TransactAsync(tx => tx.ListAsync(VaultCollections.Engines.Name, DocumentQuery.All)));
    }

    [Fact]
    public async Task Another_accounts_vault_is_refused_and_a_role_needs_permission()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        await _f.CreateVaultAsync(root);
        Role role = await _f.Control.NewRoleAsync(root, "reader", root.AccountId);
        CallerIdentity session = await _f.Control.AssumeAsync(root, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DescribeAsync(other, "cabvault", root.AccountId));
        await Throws(() => _f.Vaults.DescribeAsync(other, "cabvault"), "ResourceNotFoundException", "not found");
        AwsServiceException denied = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.DescribeAsync(session, "cabvault"));
        Assert.Contains("is not authorized to perform: backup:DescribeBackupVault", denied.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Vaults.CreateAsync(session, new CreateBackupVaultRequest("v2")));
    }
}
