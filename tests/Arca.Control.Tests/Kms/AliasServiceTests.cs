using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms;

namespace Arca.Control.Tests.Kms;

public sealed class AliasServiceTests
{
    [Fact]
    public async Task An_alias_names_a_key_and_is_listed_beside_the_predefined_backup_alias()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        KmsAlias alias = await f.Aliases.CreateAliasAsync(root, "alias/app", key.Arn);
        Assert.Equal(($"arn:aws:kms:us-east-1:{root.AccountId}:alias/app", key.KeyId, KmsFixture.T0), (alias.AliasArn, alias.TargetKeyId, alias.CreationDate));

        KmsPage<KmsAlias> all = await f.Aliases.ListAliasesAsync(root, null, null, null);
        Assert.Equal(["alias/app", "alias/aws/backup"], all.Items.Select(a => a.AliasName));
        Assert.Null(all.Items[1].TargetKeyId);
        Assert.Equal(["alias/app"], (await f.Aliases.ListAliasesAsync(root, key.KeyId, null, null)).Items.Select(a => a.AliasName));
        Assert.Equal(key.Arn, (await f.Keys.DescribeKeyAsync(root, "alias/app")).Arn);
    }

    [Fact]
    public async Task Aliases_page_with_markers()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        foreach (string name in new[] { "alias/a", "alias/b", "alias/c", "alias/z" })
        {
            await f.Aliases.CreateAliasAsync(root, name, key.KeyId);
        }

        var names = new List<string>();
        string? marker = null;
        do
        {
            KmsPage<KmsAlias> page = await f.Aliases.ListAliasesAsync(root, null, 2, marker);
            names.AddRange(page.Items.Select(a => a.AliasName));
            marker = page.NextMarker;
        }
        while (marker is not null);

        Assert.Equal(["alias/a", "alias/aws/backup", "alias/b", "alias/c", "alias/z"], names);
    }

    [Theory]
    [InlineData("alias/aws/backup", "NotAuthorizedException", "reserved for AWS managed keys")]
    [InlineData("alias/aws/mine", "NotAuthorizedException", "reserved for AWS managed keys")]
    [InlineData("app", "ValidationException", "Alias must start with the prefix \"alias/\"")]
    [InlineData("alias/bad name", "ValidationException", "Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$")]
    [InlineData("alias/", "InvalidAliasNameException", "alias/ is not a valid alias name")]
    [InlineData("alias/a:b", "InvalidAliasNameException", "is not a valid alias name")]
    public async Task Alias_names_follow_aws_rules(string name, string code, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.CreateAliasAsync(root, name, key.KeyId));
        Assert.Equal((code, 400), (e.Code, e.HttpStatus));
        Assert.Contains(message, e.Message);
        if (code == "NotAuthorizedException")
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.DeleteAliasAsync(root, name))).Code);
            Assert.Equal(code, (await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.UpdateAliasAsync(root, name, key.KeyId))).Code);
        }
    }

    [Fact]
    public async Task Create_update_and_delete_answer_aws_errors()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata first = await f.CreateKeyAsync(root);
        KeyMetadata second = await f.CreateKeyAsync(root);
        await f.Aliases.CreateAliasAsync(root, "alias/app", first.KeyId);

        var duplicate = await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.CreateAliasAsync(root, "alias/app", second.KeyId));
        Assert.Equal(("AlreadyExistsException", 409, $"An alias with the name arn:aws:kms:us-east-1:{root.AccountId}:alias/app already exists"),
            (duplicate.Code, duplicate.HttpStatus, duplicate.Message));
        Assert.Equal("ValidationException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.CreateAliasAsync(root, "alias/x", "alias/app"))).Code);
        Assert.Equal("NotFoundException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.CreateAliasAsync(root, "alias/x", Guid.NewGuid().ToString()))).Code);

        f.Time.Advance(TimeSpan.FromMinutes(5));
        KmsAlias updated = await f.Aliases.UpdateAliasAsync(root, "alias/app", second.KeyId);
        Assert.Equal((second.KeyId, KmsFixture.T0, KmsFixture.T0.AddMinutes(5)), (updated.TargetKeyId, updated.CreationDate, updated.LastUpdatedDate));
        Assert.Equal(second.Arn, (await f.Keys.DescribeKeyAsync(root, "alias/app")).Arn);

        await f.Aliases.DeleteAliasAsync(root, "alias/app");
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.DeleteAliasAsync(root, "alias/app"));
        Assert.Equal(("NotFoundException", $"Alias arn:aws:kms:us-east-1:{root.AccountId}:alias/app is not found."), (gone.Code, gone.Message));
    }

    [Fact]
    public async Task An_alias_cannot_point_at_a_key_pending_deletion()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7);
        Assert.Equal("KMSInvalidStateException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.Aliases.CreateAliasAsync(root, "alias/x", key.KeyId))).Code);
    }
}
