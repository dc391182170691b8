using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Kms.Internal;

namespace Arca.Control.Tests.Kms;

public sealed class AwsManagedKeyTests
{
    [Fact]
    public async Task The_backup_key_is_created_on_first_use_as_an_aws_managed_key()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.Keys.DescribeKeyAsync(root, "alias/aws/backup");
        Assert.Equal((KeyManager.Aws, "Default key that protects my backups when no other key is defined", KeyState.Enabled),
            (key.KeyManager, key.Description, key.KeyState));
        Assert.Equal(key.Arn, (await f.Keys.DescribeKeyAsync(root, "alias/aws/backup")).Arn);
        Assert.Equal(key.Arn, await f.Resolver.ResolveAsync(root.AccountId, "us-east-1", null));
        Assert.Equal(key.KeyId, (await f.Aliases.ListAliasesAsync(root, null, null, null)).Items.Single(a => a.AliasName == "alias/aws/backup").TargetKeyId);

        string policy = await f.Policies.GetKeyPolicyAsync(root, key.KeyId, null);
        Assert.Contains("\"kms:ViaService\" : \"backup.us-east-1.amazonaws.com\"", policy);
        Assert.Contains($"\"kms:CallerAccount\" : \"{root.AccountId}\"", policy);
    }

    [Fact]
    public async Task Its_account_may_use_it_only_through_the_backup_service_and_may_not_manage_it()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.Keys.DescribeKeyAsync(root, "alias/aws/backup");

        await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(root, "alias/aws/backup"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Keys.DisableKeyAsync(root, key.KeyId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7));
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Policies.PutKeyPolicyAsync(root, key.KeyId, null, KmsFixture.Policy(root.AccountId, "\"*\""), true));

        KmsKeyProvider provider = f.Resolver.ProviderFor(root.AccountId, key.Arn, $"arn:aws:backup:us-east-1:{root.AccountId}:backup-vault:v");
        byte[] wrapped = await provider.WrapAsync(new byte[32], "ctx"u8.ToArray());
        Assert.Equal(new byte[32], await provider.UnwrapAsync(wrapped, "ctx"u8.ToArray()));
    }

    [Fact]
    public async Task It_is_never_usable_by_another_account_even_if_its_policy_were_changed_to_allow_it()
    {
        var f = new KmsFixture();
        CallerIdentity owner = await f.NewRootAsync("owner");
        CallerIdentity other = await f.NewRootAsync("other");
        string keyArn = await f.Resolver.ResolveAsync(owner.AccountId, "us-east-1", null);
        string keyId = keyArn[(keyArn.LastIndexOf('/') + 1)..];

        // Write a policy allowing everyone straight into the store: the AWS-managed rule does not depend on the policy.
        await f.Regions.Get("us-east-1").Store.TransactAsync(async tx =>
        {
            KeyRecord key = (await KmsCollections.Keys.GetAsync(tx, keyId))!;
            return await KmsCollections.Keys.PutAsync(tx, key with { Policy = KmsFixture.Policy(owner.AccountId, "\"*\"") });
        });

        var e = await Assert.ThrowsAsync<AccessDeniedException>(() => f.EncryptAsync(other, keyArn));
        Assert.Contains("an AWS managed key cannot be used by another account", e.Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => f.Keys.DescribeKeyAsync(other, keyArn));
        var resolve = await Assert.ThrowsAsync<KmsKeyUnavailableException>(() => f.Resolver.ResolveAsync(other.AccountId, "us-east-1", keyArn));
        Assert.Equal("AccessDeniedException", resolve.Cause.Code);

        KmsKeyProvider stolen = f.Resolver.ProviderFor(other.AccountId, keyArn, $"arn:aws:backup:us-east-1:{other.AccountId}:backup-vault:v");
        await Assert.ThrowsAsync<KmsKeyUnavailableException>(async () => await stolen.WrapAsync(new byte[32], "ctx"u8.ToArray()));

        // Another account's alias/aws/backup name means its own key, created for it.
        Assert.NotEqual(keyArn, await f.Resolver.ResolveAsync(other.AccountId, "us-east-1", null));
        var alias = await Assert.ThrowsAnyAsync<AwsServiceException>(() => f.Keys.DescribeKeyAsync(other, $"arn:aws:kms:us-east-1:{owner.AccountId}:alias/aws/backup"));
        Assert.Equal("AccessDeniedException", alias.Code);
    }

    [Fact]
    public async Task Each_account_and_region_has_its_own_backup_key()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        string east = await f.Resolver.ResolveAsync(root.AccountId, "us-east-1", null);
        string west = await f.Resolver.ResolveAsync(root.AccountId, "eu-west-1", null);
        Assert.StartsWith("arn:aws:kms:us-east-1:", east);
        Assert.StartsWith("arn:aws:kms:eu-west-1:", west);
        Assert.Equal(west, (await f.Keys.DescribeKeyAsync(root with { Region = "eu-west-1" }, "alias/aws/backup")).Arn);
    }
}
