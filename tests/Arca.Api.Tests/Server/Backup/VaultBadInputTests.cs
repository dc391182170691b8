using Arca.Control.Backup.RecoveryPoints;

namespace Arca.Api.Tests.Server.Backup;

/// <summary>Every vault, access policy, lock, recovery point and protected resource operation answers bad input with an AWS error naming the field, never a 500.</summary>
public sealed class VaultBadInputTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private VaultApi _vaults = null!;
    private RecoveryPointRecord _rp = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _vaults = new VaultApi(_server);
        await _vaults.CreateVaultAsync();
        _rp = await _vaults.BackUpAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string?, string, string> Cases() => new()
    {
        // CreateBackupVault
        { "PUT", "/backup-vaults/a", "{}", "InvalidParameterValueException", "BackupVaultName: 'a' must be 2 to 50 characters of letters, digits, hyphens (-) and underscores (_)" },
        { "PUT", "/backup-vaults/with.dot", "{}", "InvalidParameterValueException", "BackupVaultName: 'with.dot'" },
        { "PUT", "/backup-vaults/new-vault", "{\"BackupVaultTags\":", "SerializationException", "not valid JSON" },
        { "PUT", "/backup-vaults/new-vault", """{"BackupVaultTags":{"k":1}}""", "SerializationException", "BackupVaultTags" },
        { "PUT", "/backup-vaults/new-vault", """{"BackupVaultTags":[]}""", "SerializationException", "BackupVaultTags" },
        { "PUT", "/backup-vaults/new-vault", """{"BackupVaultTags":{"aws:k":"v"}}""", "InvalidParameterValueException", "BackupVaultTags: the tag key 'aws:k' uses the prefix aws:" },
        { "PUT", "/backup-vaults/new-vault", """{"EncryptionKeyArn":5}""", "SerializationException", "EncryptionKeyArn" },
        { "PUT", "/backup-vaults/new-vault", """{"EncryptionKeyArn":"nope"}""", "InvalidParameterValueException", "Invalid EncryptionKeyArn 'nope'" },
        { "PUT", "/backup-vaults/new-vault", """{"EncryptionKeyArn":"arn:aws:kms:eu-west-1:ACCOUNT:key/x"}""", "InvalidParameterValueException", "a backup vault in us-east-1 needs a KMS key of us-east-1" },
        { "PUT", "/backup-vaults/new-vault", """{"EncryptionKeyArn":"arn:aws-cn:kms:us-east-1:ACCOUNT:key/00000000-0000-0000-0000-000000000000"}""", "InvalidParameterValueException", "partition aws-cn" },
        { "PUT", "/backup-vaults/new-vault", """{"EncryptionKeyArn":"arn:aws:kms:us-east-1:ACCOUNT:key/00000000-0000-0000-0000-000000000000"}""", "InvalidRequestException", "KMS key is either disabled or pending deletion or access to KMS key is denied" },
        { "PUT", "/backup-vaults/new-vault", """{"CreatorRequestId":"not ok!"}""", "InvalidParameterValueException", "CreatorRequestId: must contain 1 to 50" },
        { "PUT", "/backup-vaults/cabvault", "{}", "AlreadyExistsException", "A backup vault named cabvault already exists: arn:aws:backup:us-east-1:ACCOUNT:backup-vault:cabvault" },

        // DescribeBackupVault, ListBackupVaults, DeleteBackupVault
        { "GET", "/backup-vaults/nope", null, "ResourceNotFoundException", "Backup vault nope not found in account ACCOUNT and region us-east-1" },
        { "GET", "/backup-vaults/cabvault?backupVaultAccountId=12", null, "InvalidParameterValueException", "BackupVaultAccountId: '12' must be a 12-digit account id" },
        { "GET", "/backup-vaults/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000" },
        { "GET", "/backup-vaults/?maxResults=many", null, "InvalidParameterValueException", "MaxResults: 'many' is not a whole number" },
        { "GET", "/backup-vaults/?vaultType=COLD", null, "InvalidParameterValueException", "ByVaultType: 'COLD' must be BACKUP_VAULT" },
        { "GET", "/backup-vaults/?shared=maybe", null, "InvalidParameterValueException", "ByShared: 'maybe' must be true or false" },
        { "GET", "/backup-vaults/?nextToken=forged", null, "InvalidParameterValueException", "NextToken: the token is not valid" },
        { "DELETE", "/backup-vaults/nope", null, "ResourceNotFoundException", "Backup vault nope not found" },
        { "DELETE", "/backup-vaults/cabvault", null, "InvalidRequestException", "Backup vault cannot be deleted (contains 1 recovery points)" },

        // Access policies
        { "PUT", "/backup-vaults/cabvault/access-policy", "{}", "MissingParameterValueException", "Policy: is required" },
        { "PUT", "/backup-vaults/cabvault/access-policy", """{"Policy":{"Version":"2012-10-17"}}""", "SerializationException", "Policy" },
        { "PUT", "/backup-vaults/cabvault/access-policy", """{"Policy":"{}"}""", "InvalidParameterValueException", "Policy: " },
        { "PUT", "/backup-vaults/cabvault/access-policy", """{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"backup:*\",\"Resource\":\"*\",\"Condition\":{\"Nope\":{\"a\":\"b\"}}}]}"}""", "InvalidParameterValueException", "Policy: " },
        { "PUT", "/backup-vaults/nope/access-policy", """{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"backup:*\",\"Resource\":\"*\"}]}"}""", "ResourceNotFoundException", "Backup vault nope not found" },
        { "GET", "/backup-vaults/cabvault/access-policy", null, "ResourceNotFoundException", "Backup vault cabvault has no access policy" },
        { "DELETE", "/backup-vaults/nope/access-policy", null, "ResourceNotFoundException", "Backup vault nope not found" },

        // Vault lock
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":0}""", "InvalidParameterValueException", "MinRetentionDays: 0 must be between 1 and 36500" },
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"MaxRetentionDays":36501}""", "InvalidParameterValueException", "MaxRetentionDays: 36501 must be between 1 and 36500" },
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":5,"MaxRetentionDays":2}""", "InvalidParameterValueException", "MinRetentionDays: 5 must not be greater than MaxRetentionDays (2)" },
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"ChangeableForDays":2}""", "InvalidParameterValueException", "ChangeableForDays: 2 must be between 3 and 36500" },
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":"ten"}""", "SerializationException", "MinRetentionDays" },
        { "PUT", "/backup-vaults/cabvault/vault-lock", """{"MinRetentionDays":1.5}""", "SerializationException", "MinRetentionDays" },
        { "PUT", "/backup-vaults/nope/vault-lock", """{"MinRetentionDays":1}""", "ResourceNotFoundException", "Backup vault nope not found" },
        { "DELETE", "/backup-vaults/nope/vault-lock", null, "ResourceNotFoundException", "Backup vault nope not found" },

        // Notifications are not implemented
        { "GET", "/backup-vaults/cabvault/notification-configuration", null, "UnsupportedOperationException", "GetBackupVaultNotifications" },
        { "PUT", "/backup-vaults/cabvault/notification-configuration", """{"SNSTopicArn":"arn:aws:sns:us-east-1:ACCOUNT:t","BackupVaultEvents":["BACKUP_JOB_COMPLETED"]}""", "UnsupportedOperationException", "PutBackupVaultNotifications" },

        // ListRecoveryPointsByBackupVault
        { "GET", "/backup-vaults/nope/recovery-points/", null, "ResourceNotFoundException", "Backup vault nope not found" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?createdBefore=yesterday", null, "InvalidParameterValueException", "ByCreatedBefore: 'yesterday' is not a timestamp" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?createdAfter=never", null, "InvalidParameterValueException", "ByCreatedAfter: 'never' is not a timestamp" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?resourceArn=bad", null, "InvalidParameterValueException", "ByResourceArn: 'bad' is not an ARN" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?maxResults=1001", null, "InvalidParameterValueException", "MaxResults: 1001" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?nextToken=x.y", null, "InvalidParameterValueException", "NextToken" },
        { "GET", "/backup-vaults/cabvault/recovery-points/?backupVaultAccountId=abc", null, "InvalidParameterValueException", "BackupVaultAccountId: 'abc'" },

        // DescribeRecoveryPoint, UpdateRecoveryPointLifecycle, DeleteRecoveryPoint
        { "GET", "/backup-vaults/cabvault/recovery-points/nope", null, "InvalidParameterValueException", "RecoveryPointArn: 'nope' is not a recovery point ARN (arn:aws:backup:REGION:" },
        { "GET", "/backup-vaults/cabvault/recovery-points/arn%3Aaws%3Aec2%3Aus-east-1%3A%3Asnapshot%2Fsnap-1", null, "InvalidParameterValueException", "RecoveryPointArn: 'arn:aws:ec2:us-east-1::snapshot/snap-1' is not a recovery point ARN" },
        { "GET", "/backup-vaults/cabvault/recovery-points/arn%3Aaws%3Abackup%3Aus-east-1%3AACCOUNT%3Arecovery-point%3Anope", null, "ResourceNotFoundException", "Recovery point arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope not found in backup vault cabvault" },
        { "GET", "/backup-vaults/nope/recovery-points/RPARN", null, "ResourceNotFoundException", "Backup vault nope not found" },
        { "POST", "/backup-vaults/cabvault/recovery-points/RPARN", """{"Lifecycle":{"DeleteAfterDays":0}}""", "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days" },
        { "POST", "/backup-vaults/cabvault/recovery-points/RPARN", """{"Lifecycle":{"MoveToColdStorageAfterDays":10,"DeleteAfterDays":20}}""", "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 90 days apart from MoveToColdStorageAfterDays" },
        { "POST", "/backup-vaults/cabvault/recovery-points/RPARN", """{"Lifecycle":{"DeleteAfterDays":"x"}}""", "SerializationException", "DeleteAfterDays" },
        { "POST", "/backup-vaults/cabvault/recovery-points/RPARN", """{"Lifecycle":[]}""", "SerializationException", "Lifecycle" },
        { "POST", "/backup-vaults/cabvault/recovery-points/nope", """{"Lifecycle":{"DeleteAfterDays":7}}""", "InvalidParameterValueException", "RecoveryPointArn: 'nope'" },
        { "DELETE", "/backup-vaults/cabvault/recovery-points/nope", null, "InvalidParameterValueException", "RecoveryPointArn: 'nope'" },
        { "DELETE", "/backup-vaults/other-vault/recovery-points/RPARN", null, "ResourceNotFoundException", "Backup vault other-vault not found" },

        // ListRecoveryPointsByResource, ListProtectedResources, DescribeProtectedResource
        { "GET", "/resources/nope/recovery-points/", null, "InvalidParameterValueException", "ResourceArn: 'nope' is not an ARN" },
        { "GET", "/resources/RESOURCEARN/recovery-points/?managedByAWSBackupOnly=maybe", null, "InvalidParameterValueException", "ManagedByAWSBackupOnly: 'maybe' must be true or false" },
        { "GET", "/resources/RESOURCEARN/recovery-points/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0" },
        { "GET", "/resources/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0" },
        { "GET", "/resources/?nextToken=forged", null, "InvalidParameterValueException", "NextToken" },
        { "GET", "/resources/nope", null, "InvalidParameterValueException", "ResourceArn: 'nope' is not an ARN" },
        { "GET", "/resources/arn%3Aaws%3Aarca%3Aus-east-1%3AACCOUNT%3Adirectory%2Fnone", null, "ResourceNotFoundException", "Resource arn:aws:arca:us-east-1:ACCOUNT:directory/none has no recovery points in account ACCOUNT and region us-east-1" },

        // Tags of vaults and recovery points
        { "GET", "/tags/arn%3Aaws%3Abackup%3Aus-east-1%3AACCOUNT%3Abackup-vault%3Anope/", null, "ResourceNotFoundException", "backup-vault:nope not found in account ACCOUNT" },
        { "POST", "/tags/arn%3Aaws%3Abackup%3Aus-east-1%3AACCOUNT%3Arecovery-point%3Anope", """{"Tags":{"k":"v"}}""", "ResourceNotFoundException", "recovery-point:nope not found in account ACCOUNT" },
        { "POST", "/tags/RPARN", """{"Tags":{"aws:k":"v"}}""", "InvalidParameterValueException", "Tags: the tag key 'aws:k'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_an_aws_error_naming_the_field(string method, string path, string? body, string code, string message)
    {
        string Fill(string text) => text
            .Replace("RPARN", BackupApi.Escape(_rp.RecoveryPointArn), StringComparison.Ordinal)
            .Replace("RESOURCEARN", BackupApi.Escape(_rp.ResourceArn), StringComparison.Ordinal)
            .Replace("ACCOUNT", _server.AccountId, StringComparison.Ordinal);

        BackupApi.Reply reply = await _vaults.Api.SendAsync(method, Fill(path), body is null ? null : Fill(body));

        Assert.True(reply.Status == 400 && reply.Code == code, $"{method} {path}: {reply.Status} {reply.Text}");
        Assert.Contains(Fill(message), reply.Message, StringComparison.Ordinal);
        Assert.Equal("User", reply.Json.GetProperty("Type").GetString());
        Assert.DoesNotContain("InternalFailure", _server.Logs.Text, StringComparison.Ordinal);
    }
}
