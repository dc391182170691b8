namespace Arca.Api.Tests.Server.Backup;

/// <summary>Every job operation answers bad input with an AWS error naming the field, never a 500.</summary>
public sealed class BackupJobBadInputTests : IAsyncLifetime
{
    private const string Rp = "arn%3Aaws%3Abackup%3Aus-east-1%3AACCOUNT%3Arecovery-point%3Anope";
    private JobApi _j = null!;

    public async Task InitializeAsync() => _j = await JobApi.StartAsync();

    public async Task DisposeAsync() => await _j.DisposeAsync();

    public static TheoryData<string, string, string?, string, string> Cases() => new()
    {
        // StartBackupJob
        { "PUT", "/backup-jobs", "{}", "MissingParameterValueException", "BackupVaultName: is required" },
        { "PUT", "/backup-jobs", "{\"BackupVaultName\":", "SerializationException", "not valid JSON" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":7}""", "SerializationException", "BackupVaultName" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","StartWindowMinutes":"8h"}""", "SerializationException", "StartWindowMinutes" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cab vault","ResourceArn":"RES","IamRoleArn":"ROLE"}""", "InvalidParameterValueException", "BackupVaultName: 'cab vault'" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","IamRoleArn":"ROLE"}""", "MissingParameterValueException", "ResourceArn: is required" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"vol-1","IamRoleArn":"ROLE"}""", "InvalidParameterValueException", "ResourceArn: 'vol-1' is not the ARN of an Arca resource" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES"}""", "MissingParameterValueException", "IamRoleArn: is required" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"arn:aws:iam::ACCOUNT:role/nobody"}""", "InvalidParameterValueException", "IamRoleArn: role nobody does not exist in account ACCOUNT" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"nope","ResourceArn":"RES","IamRoleArn":"ROLE"}""", "ResourceNotFoundException", "BackupVaultName: backup vault nope does not exist in account ACCOUNT and region us-east-1" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RESx","IamRoleArn":"ROLE"}""", "ResourceNotFoundException", "ResourceArn: resource RESx is not registered" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","StartWindowMinutes":30}""", "InvalidParameterValueException", "StartWindowMinutes: 30 must be between 60 and 52560000 minutes" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","CompleteWindowMinutes":-5}""", "InvalidParameterValueException", "CompleteWindowMinutes: -5" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","Lifecycle":{"DeleteAfterDays":0}}""", "InvalidParameterValueException", "Lifecycle.DeleteAfterDays: Invalid lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","Lifecycle":{"DeleteAfterDays":"ten"}}""", "SerializationException", "Lifecycle" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","RecoveryPointTags":{"aws:x":"1"}}""", "InvalidParameterValueException", "RecoveryPointTags: the tag key 'aws:x'" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","BackupOptions":{"Compress":"yes"}}""", "InvalidParameterValueException", "BackupOptions: 'Compress' is not a backup option" },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","LogicallyAirGappedBackupVaultArn":"arn:aws:backup:us-east-1:ACCOUNT:backup-vault:lag"}""", "InvalidParameterValueException", "LogicallyAirGappedBackupVaultArn: " },
        { "PUT", "/backup-jobs", """{"BackupVaultName":"cabvault","ResourceArn":"RES","IamRoleArn":"ROLE","Index":"ENABLED"}""", "InvalidParameterValueException", "Index: " },

        // DescribeBackupJob, StopBackupJob, ListBackupJobs
        { "GET", "/backup-jobs/nope", null, "ResourceNotFoundException", "Backup job nope not found" },
        { "POST", "/backup-jobs/nope", null, "ResourceNotFoundException", "Backup job nope not found" },
        { "GET", "/backup-jobs/?state=DONE", null, "InvalidParameterValueException", "ByState: 'DONE' must be one of CREATED" },
        { "GET", "/backup-jobs/?accountId=12", null, "InvalidParameterValueException", "ByAccountId: '12'" },
        { "GET", "/backup-jobs/?createdAfter=yesterday", null, "InvalidParameterValueException", "ByCreatedAfter: 'yesterday' is not a timestamp" },
        { "GET", "/backup-jobs/?completeBefore=x", null, "InvalidParameterValueException", "ByCompleteBefore: 'x'" },
        { "GET", "/backup-jobs/?backupVaultName=a%20b", null, "InvalidParameterValueException", "ByBackupVaultName: 'a b'" },
        { "GET", "/backup-jobs/?resourceType=a%2Fb", null, "InvalidParameterValueException", "ByResourceType: 'a/b'" },
        { "GET", "/backup-jobs/?maxResults=0", null, "InvalidParameterValueException", "MaxResults: 0 must be between 1 and 1000" },
        { "GET", "/backup-jobs/?nextToken=forged", null, "InvalidParameterValueException", "NextToken: the token is not valid for this request" },

        // GetRecoveryPointRestoreMetadata, StartRestoreJob, DescribeRestoreJob, GetRestoreJobMetadata, ListRestoreJobs, by resource
        { "GET", $"/backup-vaults/cabvault/recovery-points/{Rp}/restore-metadata", null, "ResourceNotFoundException", "RecoveryPointArn: recovery point arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope not found in backup vault cabvault" },
        { "GET", "/backup-vaults/cabvault/recovery-points/nope/restore-metadata", null, "InvalidParameterValueException", "RecoveryPointArn: 'nope' is not a recovery point ARN" },
        { "GET", $"/backup-vaults/a%20b/recovery-points/{Rp}/restore-metadata", null, "InvalidParameterValueException", "BackupVaultName: 'a b'" },
        { "PUT", "/restore-jobs", "{}", "MissingParameterValueException", "RecoveryPointArn: is required" },
        { "PUT", "/restore-jobs", """{"RecoveryPointArn":"arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope"}""", "MissingParameterValueException", "Metadata: is required" },
        { "PUT", "/restore-jobs", """{"RecoveryPointArn":"arn:aws:backup:eu-west-1:ACCOUNT:recovery-point:nope","Metadata":{}}""", "InvalidParameterValueException", "RecoveryPointArn: arn:aws:backup:eu-west-1:ACCOUNT:recovery-point:nope is in region eu-west-1" },
        { "PUT", "/restore-jobs", """{"RecoveryPointArn":"arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope","Metadata":{"TargetPath":"/tmp/x"}}""", "ResourceNotFoundException", "RecoveryPointArn: recovery point" },
        { "PUT", "/restore-jobs", """{"RecoveryPointArn":"arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope","Metadata":{"TargetPath":5}}""", "SerializationException", "Metadata" },
        { "PUT", "/restore-jobs", """{"RecoveryPointArn":"arn:aws:backup:us-east-1:ACCOUNT:recovery-point:nope","Metadata":{},"IamRoleArn":"role"}""", "InvalidParameterValueException", "IamRoleArn: 'role' is not an IAM role ARN" },
        { "GET", "/restore-jobs/nope", null, "ResourceNotFoundException", "Restore job nope not found" },
        { "GET", "/restore-jobs/nope/metadata", null, "ResourceNotFoundException", "Restore job nope not found" },
        { "GET", "/restore-jobs/?status=DONE", null, "InvalidParameterValueException", "ByStatus: 'DONE' must be one of PENDING" },
        { "GET", "/restore-jobs/?createdBefore=soon", null, "InvalidParameterValueException", "ByCreatedBefore: 'soon'" },
        { "GET", "/restore-jobs/?maxResults=1001", null, "InvalidParameterValueException", "MaxResults: 1001" },
        { "GET", "/resources/not-an-arn/restore-jobs/", null, "InvalidParameterValueException", "ResourceArn: 'not-an-arn' is not an ARN" },
        { "GET", "/resources/RESESC/restore-jobs/?status=x", null, "InvalidParameterValueException", "ByStatus: 'x'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_an_aws_error_naming_the_field(string method, string path, string? body, string code, string message)
    {
        string Fill(string text) => text
            .Replace("RESESC", BackupApi.Escape(_j.ResourceArn), StringComparison.Ordinal)
            .Replace("RES", _j.ResourceArn, StringComparison.Ordinal)
            .Replace("ROLE", _j.RoleArn, StringComparison.Ordinal)
            .Replace("ACCOUNT", _j.Server.AccountId, StringComparison.Ordinal);

        BackupApi.Reply reply = await _j.Api.SendAsync(method, Fill(path), body is null ? null : Fill(body));

        Assert.True(reply.Status == 400 && reply.Code == code, $"{method} {path}: {reply.Status} {reply.Text}");
        Assert.Contains(Fill(message), reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_values_in_every_member_never_get_a_500()
    {
        var valid = new Dictionary<string, string>
        {
            ["BackupVaultName"] = "\"cabvault\"",
            ["ResourceArn"] = $"\"{_j.ResourceArn}\"",
            ["IamRoleArn"] = $"\"{_j.RoleArn}\"",
        };
        string[] members = ["BackupVaultName", "ResourceArn", "IamRoleArn", "IdempotencyToken", "StartWindowMinutes", "CompleteWindowMinutes", "Lifecycle", "RecoveryPointTags", "BackupOptions", "Index"];
        string[] values = ["null", "\"\"", "[]", "{}", "-1", "1e308", "\"\\u0000\"", "\"" + new string('a', 5000) + "\"", "true", "{\"a\":{}}"];
        foreach (string member in members)
        {
            foreach (string value in values)
            {
                var body = new Dictionary<string, string>(valid) { [member] = value };
                BackupApi.Reply reply = await _j.Api.SendAsync("PUT", "/backup-jobs", "{" + string.Join(',', body.Select(p => $"\"{p.Key}\":{p.Value}")) + "}");
                Assert.True(reply.Status is 200 or 400, $"{member}={value}: {reply.Status} {reply.Text}");
            }
        }

        string[] restoreMembers = ["RecoveryPointArn", "Metadata", "IamRoleArn", "IdempotencyToken", "ResourceType", "CopySourceTagsToRestoredResource"];
        foreach (string member in restoreMembers)
        {
            foreach (string value in values)
            {
                BackupApi.Reply reply = await _j.Api.SendAsync("PUT", "/restore-jobs", $"{{\"{member}\":{value}}}");
                Assert.True(reply.Status == 400, $"{member}={value}: {reply.Status} {reply.Text}");
            }
        }

        Assert.DoesNotContain("InternalFailure", _j.Server.Logs.Text, StringComparison.Ordinal);
    }
}
