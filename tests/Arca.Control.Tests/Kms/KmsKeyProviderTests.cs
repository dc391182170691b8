using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;

namespace Arca.Control.Tests.Kms;

public sealed class KmsKeyProviderTests
{
    private static string VaultArn(CallerIdentity caller, string name = "cabvault") => $"arn:aws:backup:us-east-1:{caller.AccountId}:backup-vault:{name}";

    [Fact]
    public async Task A_vault_engine_vault_initializes_and_reopens_under_a_kms_key()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        string keyArn = await f.Resolver.ResolveAsync(root.AccountId, "us-east-1", key.Arn);
        KmsKeyProvider provider = f.Resolver.ProviderFor(root.AccountId, keyArn, VaultArn(root));
        Assert.Equal(("kms", key.Arn), (provider.ProviderId, provider.KeyId));

        var store = new MemoryBlobStore();
        await Vault.InitAsync(store, provider, new VaultInitOptions(), f.Time);
        await Vault.OpenAsync(store, provider, f.Time);

        KmsKeyProvider otherVault = f.Resolver.ProviderFor(root.AccountId, keyArn, VaultArn(root, "elsewhere"));
        await Assert.ThrowsAsync<VaultCorruptionException>(() => Vault.OpenAsync(store, otherVault, f.Time));
    }

    [Fact]
    public async Task A_wrapped_key_opens_only_for_its_vault_and_context_and_unaltered()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        KeyMetadata other = await f.CreateKeyAsync(root);
        KmsKeyProvider provider = f.Resolver.ProviderFor(root.AccountId, key.Arn, VaultArn(root));
        byte[] secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
        byte[] wrapped = await provider.WrapAsync(secret, "engine-context"u8.ToArray());

        Assert.Equal(secret, await provider.UnwrapAsync(wrapped, "engine-context"u8.ToArray()));
        await Assert.ThrowsAsync<WrongKeyException>(async () => await provider.UnwrapAsync(wrapped, "other-context"u8.ToArray()));
        await Assert.ThrowsAsync<WrongKeyException>(async () =>
            await f.Resolver.ProviderFor(root.AccountId, key.Arn, VaultArn(root, "v2")).UnwrapAsync(wrapped, "engine-context"u8.ToArray()));
        await Assert.ThrowsAsync<WrongKeyException>(async () =>
            await f.Resolver.ProviderFor(root.AccountId, other.Arn, VaultArn(root)).UnwrapAsync(wrapped, "engine-context"u8.ToArray()));
        wrapped[^1] ^= 1;
        await Assert.ThrowsAsync<WrongKeyException>(async () => await provider.UnwrapAsync(wrapped, "engine-context"u8.ToArray()));

        // What the provider wraps is an ordinary KMS ciphertext with the vault's encryption context.
        wrapped[^1] ^= 1;
        var context = new Dictionary<string, string>
        {
            ["aws:backup:vault-arn"] = VaultArn(root),
            ["arca:vault-key-context"] = Convert.ToBase64String("engine-context"u8),
        };
        Assert.Equal(secret, (await f.Crypto.DecryptAsync(root, new DecryptRequest { CiphertextBlob = wrapped, EncryptionContext = context })).Plaintext);
    }

    [Theory]
    [InlineData("disable", "DisabledException")]
    [InlineData("schedule", "KMSInvalidStateException")]
    [InlineData("policy", "AccessDeniedException")]
    [InlineData("deleted", "NotFoundException")]
    public async Task A_key_the_backup_service_cannot_use_fails_with_aws_backups_message(string change, string cause)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        CallerIdentity other = await f.NewRootAsync("other");
        KeyMetadata key = await f.CreateKeyAsync(root);
        KmsKeyProvider provider = f.Resolver.ProviderFor(root.AccountId, key.Arn, VaultArn(root));
        byte[] wrapped = await provider.WrapAsync(new byte[32], "c"u8.ToArray());

        switch (change)
        {
            case "disable":
                await f.Keys.DisableKeyAsync(root, key.KeyId);
                break;
            case "schedule":
                await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7);
                break;
            case "policy":
                await f.Policies.PutKeyPolicyAsync(root, key.KeyId, null, KmsFixture.Policy(other.AccountId, $"\"{other.AccountId}\""), true);
                break;
            default:
                await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7);
                f.Time.Advance(TimeSpan.FromDays(8));
                break;
        }

        var unwrap = await Assert.ThrowsAsync<KmsKeyUnavailableException>(async () => await provider.UnwrapAsync(wrapped, "c"u8.ToArray()));
        Assert.Equal(("InvalidRequestException", "KMS key is either disabled or pending deletion or access to KMS key is denied", cause, key.Arn),
            (unwrap.Code, unwrap.Message, unwrap.Cause.Code, unwrap.KeyArn));
        var wrap = await Assert.ThrowsAsync<KmsKeyUnavailableException>(async () => await provider.WrapAsync(new byte[32], "c"u8.ToArray()));
        Assert.Equal(cause, wrap.Cause.Code);
        var resolve = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => f.Resolver.ResolveAsync(root.AccountId, "us-east-1", key.Arn));
        Assert.Equal(cause, resolve.Cause.Code);
    }

    [Fact]
    public async Task A_customer_key_of_another_account_is_usable_once_its_policy_names_the_vaults_account()
    {
        var f = new KmsFixture();
        CallerIdentity owner = await f.NewRootAsync("owner");
        CallerIdentity vaults = await f.NewRootAsync("vaults");
        KeyMetadata key = await f.CreateKeyAsync(owner);
        await f.Aliases.CreateAliasAsync(owner, "alias/shared", key.KeyId);
        string aliasArn = $"arn:aws:kms:us-east-1:{owner.AccountId}:alias/shared";

        var denied = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => f.Resolver.ResolveAsync(vaults.AccountId, "us-east-1", key.Arn));
        Assert.Equal("AccessDeniedException", denied.Cause.Code);

        await f.Policies.PutKeyPolicyAsync(owner, key.KeyId, null, KmsFixture.Policy(owner.AccountId, $"\"{vaults.AccountId}\""), false);
        Assert.Equal(key.Arn, await f.Resolver.ResolveAsync(vaults.AccountId, "us-east-1", key.Arn));
        Assert.Equal(key.Arn, await f.Resolver.ResolveAsync(vaults.AccountId, "us-east-1", aliasArn));
        KmsKeyProvider provider = f.Resolver.ProviderFor(vaults.AccountId, key.Arn, VaultArn(vaults));
        Assert.Equal(new byte[32], await provider.UnwrapAsync(await provider.WrapAsync(new byte[32], "c"u8.ToArray()), "c"u8.ToArray()));
    }

    [Theory]
    [InlineData("not-an-arn", "Invalid EncryptionKeyArn 'not-an-arn'")]
    [InlineData("arn:aws:backup:us-east-1:111111111111:backup-vault:v", "Invalid EncryptionKeyArn")]
    [InlineData("arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-4000-8000-000000000000", "is a key of eu-west-1; a backup vault in us-east-1 needs a KMS key of us-east-1")]
    public async Task A_malformed_or_foreign_region_key_arn_is_an_invalid_parameter(string arn, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Resolver.ResolveAsync(root.AccountId, "us-east-1", arn));
        Assert.Equal(("InvalidParameterValueException", 400), (e.Code, e.HttpStatus));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_key_that_does_not_exist_is_not_accessible()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        var e = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() =>
            f.Resolver.ResolveAsync(root.AccountId, "us-east-1", $"arn:aws:kms:us-east-1:{root.AccountId}:key/{Guid.NewGuid()}"));
        Assert.Equal("NotFoundException", e.Cause.Code);
    }
}
