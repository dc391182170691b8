using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Kms;

namespace Arca.Control.Tests.Kms;

public sealed class KeyServiceTests
{
    [Fact]
    public async Task CreateKey_returns_aws_metadata_and_stores_the_default_policy_as_aws_writes_it()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);

        Assert.Equal($"arn:aws:kms:us-east-1:{root.AccountId}:key/{key.KeyId}", key.Arn);
        Assert.True(Guid.TryParseExact(key.KeyId, "D", out _));
        Assert.Equal((KeyState.Enabled, KeyManager.Customer, true, "test key", KmsFixture.T0), (key.KeyState, key.KeyManager, key.Enabled, key.Description, key.CreationDate));
        Assert.Null(key.DeletionDate);

        string policy = await f.Policies.GetKeyPolicyAsync(root, key.KeyId, null);
        Assert.Equal(
            "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n  \"Statement\" : [ {\n    \"Sid\" : \"Enable IAM User Permissions\",\n"
            + "    \"Effect\" : \"Allow\",\n    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::" + root.AccountId + ":root\"\n    },\n"
            + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}",
            policy);
        Assert.Equal(["default"], (await f.Policies.ListKeyPoliciesAsync(root, key.KeyId, null, null)).Items);
    }

    [Theory]
    [InlineData("RSA_2048", null, null, null, "UnsupportedOperationException", "KeySpec RSA_2048")]
    [InlineData(null, "SIGN_VERIFY", null, null, "UnsupportedOperationException", "KeyUsage SIGN_VERIFY")]
    [InlineData(null, null, "EXTERNAL", null, "UnsupportedOperationException", "Origin EXTERNAL")]
    [InlineData(null, null, null, true, "UnsupportedOperationException", "MultiRegion")]
    [InlineData("AES", null, null, null, "ValidationException", "at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set")]
    [InlineData(null, "ENCRYPT", null, null, "ValidationException", "at 'keyUsage'")]
    public async Task Only_symmetric_encryption_keys_are_created(string? spec, string? usage, string? origin, bool? multiRegion, string code, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.CreateKeyAsync(root,
            new CreateKeyRequest { KeySpec = spec, KeyUsage = usage, Origin = origin, MultiRegion = multiRegion }));
        Assert.Equal((code, 400), (e.Code, e.HttpStatus));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_policy_that_does_not_parse_is_malformed_with_the_parsers_message()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.CreateKeyAsync(root,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}"""));
        Assert.Equal(("MalformedPolicyDocumentException", 400), (e.Code, e.HttpStatus));
        Assert.Contains("Principal", e.Message);

        e = await Assert.ThrowsAsync<AwsServiceException>(() => f.CreateKeyAsync(root, "not json"));
        Assert.Equal("MalformedPolicyDocumentException", e.Code);
    }

    [Fact]
    public async Task A_policy_that_locks_the_caller_out_is_refused_unless_the_check_is_bypassed()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync("a");
        CallerIdentity other = await f.NewRootAsync("b");
        string onlyOther = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{other.AccountId}}"},"Action":"kms:*","Resource":"*"}]}""";

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.CreateKeyAsync(root, onlyOther));
        Assert.Equal(("MalformedPolicyDocumentException", "The new key policy will not allow you to update the key policy in the future."), (e.Code, e.Message));

        KeyMetadata key = await f.CreateKeyAsync(root, onlyOther, bypass: true);
        await Assert.ThrowsAsync<Control.Iam.AccessDeniedException>(() => f.Keys.DescribeKeyAsync(root, key.KeyId));

        KeyMetadata mine = await f.CreateKeyAsync(root);
        e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Policies.PutKeyPolicyAsync(root, mine.KeyId, "default", onlyOther, false));
        Assert.Equal("MalformedPolicyDocumentException", e.Code);
    }

    [Fact]
    public async Task DescribeKey_finds_a_key_by_id_arn_alias_name_and_alias_arn()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        await f.Aliases.CreateAliasAsync(root, "alias/app", key.KeyId);

        foreach (string id in new[] { key.KeyId, key.KeyId.ToUpperInvariant(), key.Arn, "alias/app", $"arn:aws:kms:us-east-1:{root.AccountId}:alias/app" })
        {
            Assert.Equal(key.Arn, (await f.Keys.DescribeKeyAsync(root, id)).Arn);
        }
    }

    [Theory]
    [InlineData("nope", "NotFoundException", "Invalid keyId nope")]
    [InlineData("alias/nope", "NotFoundException", ":alias/nope is not found.")]
    [InlineData("00000000-0000-4000-8000-000000000000", "NotFoundException", "key/00000000-0000-4000-8000-000000000000' does not exist")]
    [InlineData("arn:aws:s3:::bucket", "InvalidArnException", "Invalid arn arn:aws:s3:::bucket")]
    [InlineData("arn:aws:kms:eu-west-1:111111111111:key/00000000-0000-4000-8000-000000000000", "NotFoundException", "KMS keys are regional")]
    [InlineData("", "ValidationException", "at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData(null, "ValidationException", "Value null at 'keyId'")]
    public async Task An_unknown_or_malformed_key_id_is_an_aws_error_naming_it(string? keyId, string code, string message)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.DescribeKeyAsync(root, keyId));
        Assert.Equal(code, e.Code);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task ListKeys_pages_with_markers_that_only_its_own_listing_accepts()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync("a");
        CallerIdentity other = await f.NewRootAsync("b");
        var created = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            created.Add((await f.CreateKeyAsync(root)).KeyId);
        }

        await f.CreateKeyAsync(other);
        var seen = new List<string>();
        string? marker = null;
        do
        {
            KmsPage<KeyMetadata> page = await f.Keys.ListKeysAsync(root, 2, marker);
            Assert.InRange(page.Items.Count, 1, 2);
            seen.AddRange(page.Items.Select(k => k.KeyId));
            marker = page.NextMarker;
            Assert.Equal(marker is not null, page.Truncated);
            if (marker is not null)
            {
                var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.ListKeysAsync(other, 2, marker));
                Assert.Equal("InvalidMarkerException", e.Code);
            }
        }
        while (marker is not null);

        Assert.Equal(created.Order(StringComparer.Ordinal), seen);
        var limit = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.ListKeysAsync(root, 1001, null));
        Assert.Contains("at 'limit'", limit.Message);
    }

    [Fact]
    public async Task A_listing_does_not_end_early_when_a_page_skips_deleted_keys()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        List<string> ids = [];
        for (int i = 0; i < 5; i++)
        {
            ids.Add((await f.CreateKeyAsync(root)).KeyId);
        }

        ids.Sort(StringComparer.Ordinal);
        await f.Aliases.CreateAliasAsync(root, "alias/a", ids[0]);
        await f.Aliases.CreateAliasAsync(root, "alias/b", ids[1]);
        await f.Aliases.CreateAliasAsync(root, "alias/c", ids[2]);
        await f.Keys.ScheduleKeyDeletionAsync(root, ids[1], 7);
        f.Time.Advance(TimeSpan.FromDays(8));

        var seen = new List<string>();
        string? marker = null;
        do
        {
            KmsPage<KeyMetadata> page = await f.Keys.ListKeysAsync(root, 2, marker);
            seen.AddRange(page.Items.Select(k => k.KeyId));
            marker = page.NextMarker;
        }
        while (marker is not null);

        Assert.Equal(ids.Where((_, i) => i != 1), seen);

        var aliases = new List<string>();
        do
        {
            KmsPage<KmsAlias> page = await f.Aliases.ListAliasesAsync(root, null, 1, marker);
            aliases.AddRange(page.Items.Select(a => a.AliasName));
            marker = page.NextMarker;
        }
        while (marker is not null);

        Assert.Equal(["alias/a", "alias/aws/backup", "alias/c"], aliases);
    }

    [Fact]
    public async Task Key_states_follow_aws_disable_enable_schedule_and_cancel_deletion()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);

        Assert.Equal(KeyState.Disabled, (await f.Keys.DisableKeyAsync(root, key.KeyId)).KeyState);
        var disabled = await Assert.ThrowsAsync<AwsServiceException>(() => f.EncryptAsync(root, key.KeyId));
        Assert.Equal(("DisabledException", 409, $"{key.Arn} is disabled."), (disabled.Code, disabled.HttpStatus, disabled.Message));
        Assert.Equal(KeyState.Enabled, (await f.Keys.EnableKeyAsync(root, key.KeyId)).KeyState);
        await f.EncryptAsync(root, key.KeyId);

        KeyMetadata pending = await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, null);
        Assert.Equal((KeyState.PendingDeletion, KmsFixture.T0.AddDays(30), 30), (pending.KeyState, pending.DeletionDate, pending.PendingDeletionWindowInDays));
        foreach (Func<Task> attempt in new Func<Task>[]
        {
            () => f.EncryptAsync(root, key.KeyId),
            () => f.Keys.EnableKeyAsync(root, key.KeyId),
            () => f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7),
        })
        {
            var e = await Assert.ThrowsAsync<AwsServiceException>(attempt);
            Assert.Equal(("KMSInvalidStateException", 409, $"{key.Arn} is pending deletion."), (e.Code, e.HttpStatus, e.Message));
        }

        KeyMetadata cancelled = await f.Keys.CancelKeyDeletionAsync(root, key.Arn);
        Assert.Equal((KeyState.Disabled, (DateTimeOffset?)null), (cancelled.KeyState, cancelled.DeletionDate));
        var again = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.CancelKeyDeletionAsync(root, key.KeyId));
        Assert.Equal(("KMSInvalidStateException", $"{key.Arn} is not pending deletion."), (again.Code, again.Message));
    }

    [Theory]
    [InlineData(6, "Member must have value greater than or equal to 7")]
    [InlineData(31, "Member must have value less than or equal to 30")]
    public async Task The_pending_window_is_7_to_30_days(int days, string constraint)
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, days));
        Assert.Equal($"1 validation error detected: Value '{days}' at 'pendingWindowInDays' failed to satisfy constraint: {constraint}", e.Message);
        Assert.Equal(7, (await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7)).PendingDeletionWindowInDays);
    }

    [Fact]
    public async Task A_key_past_its_deletion_date_is_gone_with_its_aliases_and_the_sweeper_removes_its_material()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        KeyMetadata kept = await f.CreateKeyAsync(root);
        await f.Aliases.CreateAliasAsync(root, "alias/doomed", key.KeyId);
        byte[] blob = await f.EncryptAsync(root, key.KeyId);
        await f.Keys.ScheduleKeyDeletionAsync(root, key.KeyId, 7);

        f.Time.Advance(TimeSpan.FromDays(7));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.DescribeKeyAsync(root, key.KeyId));
        Assert.Equal(("NotFoundException", $"Key '{key.Arn}' does not exist"), (e.Code, e.Message));
        Assert.Equal("InvalidCiphertextException", (await Assert.ThrowsAsync<AwsServiceException>(() => f.DecryptAsync(root, blob))).Code);
        Assert.DoesNotContain((await f.Keys.ListKeysAsync(root, null, null)).Items, k => k.KeyId == key.KeyId);
        Assert.DoesNotContain((await f.Aliases.ListAliasesAsync(root, null, null, null)).Items, a => a.AliasName == "alias/doomed");

        Assert.Equal(1, await f.Keys.PurgeDeletedKeysAsync());
        string stored = await f.StoredTextAsync();
        Assert.DoesNotContain(key.KeyId, stored);
        Assert.Contains(kept.KeyId, stored);
        Assert.Equal(0, await f.Keys.PurgeDeletedKeysAsync());
    }

    [Fact]
    public async Task UpdateKeyDescription_changes_the_description()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        KeyMetadata key = await f.CreateKeyAsync(root);
        await f.Keys.UpdateKeyDescriptionAsync(root, key.KeyId, "new");
        Assert.Equal("new", (await f.Keys.DescribeKeyAsync(root, key.KeyId)).Description);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.UpdateKeyDescriptionAsync(root, key.KeyId, new string('d', 8193)));
        Assert.Contains("at 'description'", e.Message);
        e = await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.UpdateKeyDescriptionAsync(root, key.KeyId, "bad \uD800"));
        Assert.Equal("1 validation error detected: Value at 'description' failed to satisfy constraint: Member must be valid Unicode text (it has a lone surrogate)", e.Message);
    }

    [Fact]
    public async Task Keys_are_regional()
    {
        var f = new KmsFixture();
        CallerIdentity root = await f.NewRootAsync();
        CallerIdentity inEurope = root with { Region = "eu-west-1" };
        KeyMetadata key = await f.CreateKeyAsync(inEurope);
        Assert.StartsWith("arn:aws:kms:eu-west-1:", key.Arn);
        Assert.Empty((await f.Keys.ListKeysAsync(root, null, null)).Items);
        Assert.Single((await f.Keys.ListKeysAsync(inEurope, null, null)).Items);
        await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.DescribeKeyAsync(root, key.KeyId));
        await Assert.ThrowsAsync<AwsServiceException>(() => f.Keys.DescribeKeyAsync(root, key.Arn));
    }
}
