using Arca.Control.Backup.Vaults;
using Arca.Control.Identity;
using Arca.Control.Kms;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Vaults;

public sealed class BackupVaultsTests : IDisposable
{
    private readonly VaultFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_vault_opens_by_name_or_arn_and_one_engine_vault_is_shared()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupVaultDetails created = await _f.CreateVaultAsync(root);
        await _f.Locks.PutAsync(root, "cabvault", 1, 10, null);

        OpenedBackupVault[] opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault")));
        OpenedBackupVault byArn = await _f.Engines.OpenByArnAsync(created.BackupVaultArn);

        Assert.All(opened, o => Assert.Same(opened[0].Vault, o.Vault));
        Assert.Same(opened[0].Vault, byArn.Vault);
        Assert.Equal(
            (root.AccountId, "us-east-1", "cabvault", created.BackupVaultArn, created.EncryptionKeyArn, new VaultLockSettings(1, 10, null)),
            (byArn.AccountId, byArn.Region, byArn.Name, byArn.Arn, byArn.EncryptionKeyArn, byArn.Lock));
    }

    [Fact]
    public async Task Unknown_vaults_and_bad_arns_are_aws_errors()
    {
        CallerIdentity root = await _f.NewRootAsync();
        await Throws(() => _f.Engines.OpenAsync(root.AccountId, "us-east-1", "nope"), "ResourceNotFoundException", $"Backup vault nope not found in account {root.AccountId} and region us-east-1");
        await Throws(() => _f.Engines.OpenAsync(root.AccountId, "ap-south-1", "nope"), "ResourceNotFoundException", "region ap-south-1");
        await Throws(() => _f.Engines.OpenByArnAsync("arn:aws:kms:us-east-1:111111111111:key/x"), "InvalidParameterValueException", "BackupVaultArn");
    }

    [Fact]
    public async Task A_key_disabled_after_the_first_open_stops_later_opens_with_aws_backups_message_until_it_is_enabled()
    {
        CallerIdentity root = await _f.NewRootAsync();
        KeyMetadata key = await _f.CreateKeyAsync(root);
        await _f.CreateVaultAsync(root, "cabvault", key.Arn);
        await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");

        await _f.Keys.DisableKeyAsync(root, key.KeyId);
        KmsKeyUnavailableException e = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault"));
        Assert.Equal(("InvalidRequestException", "DisabledException"), (e.Code, e.Cause.Code));

        await _f.Keys.EnableKeyAsync(root, key.KeyId);
        await _f.Engines.OpenAsync(root.AccountId, "us-east-1", "cabvault");
    }
}
