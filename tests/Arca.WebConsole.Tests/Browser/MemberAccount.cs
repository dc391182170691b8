using Arca.Api.Client;
using Arca.WebConsole.Tests.Infrastructure;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// Lays out what the tutorial's steps 2 and 3 give a member account, through the API as that member: <c>cabrole</c> with
/// Backup's permissions, vaults encrypted under a customer managed key that the other member account may use (as the
/// tutorial's StackSets do: a cross-account copy needs it), resources.
/// </summary>
internal sealed class MemberAccount(ApiClient api, string accountId, string organizationId, string otherAccountId)
{
    public string Id => accountId;

    public AwsCredentials Credentials => api.Credentials;

    public string RoleArn => $"arn:aws:iam::{accountId}:role/cabrole";

    public string VaultArn(string region) => $"arn:aws:backup:{region}:{accountId}:backup-vault:{Tutorial.Vault}";

    /// <summary>The role <c>cabrole</c> trusting the backup service (kept when it exists).</summary>
    public async Task EnsureRoleAsync()
    {
        (int status, string text) = await api.TryQueryAsync("iam", "CreateRole", "2010-05-08", ("RoleName", "cabrole"), ("AssumeRolePolicyDocument", Tutorial.TrustBackup));
        Assert.True(status == 200 || text.Contains("EntityAlreadyExists", StringComparison.Ordinal), text);
        await api.QueryAsync("iam", "PutRolePolicy", "2010-05-08", ("RoleName", "cabrole"), ("PolicyName", "backup"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"*"}]}"""));
    }

    /// <summary>
    /// Vault <c>cabvault</c> in <paramref name="region"/> (kept when it exists; created under a new key shared with the other
    /// member account) whose access policy lets the organization copy into it.
    /// </summary>
    public async Task EnsureVaultAsync(string region)
    {
        ApiAnswer existing = await api.BackupAsync(region, "GET", "/backup-vaults/" + Tutorial.Vault);
        if (!existing.Ok)
        {
            string keyPolicy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::SELF:root","arn:aws:iam::OTHER:root"]},"Action":"kms:*","Resource":"*"}]}
                """.Replace("SELF", accountId, StringComparison.Ordinal).Replace("OTHER", otherAccountId, StringComparison.Ordinal);
            string keyArn = (await api.JsonAsync("kms", region, "TrentService.CreateKey", new { Policy = keyPolicy, Description = "cabkey" }))
                .Expect("CreateKey").GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;
            (await api.BackupAsync(region, "PUT", "/backup-vaults/" + Tutorial.Vault, new { EncryptionKeyArn = keyArn })).Expect("CreateBackupVault");
        }

        string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"backup:CopyIntoBackupVault","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalOrgID":"ORGANIZATION"}}}]}
            """.Replace("ORGANIZATION", organizationId, StringComparison.Ordinal);
        (await api.BackupAsync(region, "PUT", $"/backup-vaults/{Tutorial.Vault}/access-policy", new { Policy = policy })).Expect("PutBackupVaultAccessPolicy");
    }

    /// <summary>Registers a directory (tagged backup=cab) in the account's inventory; returns its ARN.</summary>
    public async Task<string> RegisterDirectoryAsync(string region, string name, string path)
    {
        var body = new { Type = "Directory", Name = name, Path = path, Tags = new Dictionary<string, string> { ["backup"] = "cab" } };
        return (await api.BackupAsync(region, "PUT", "/arca/resources", body)).Expect("RegisterResource").GetProperty("ResourceArn").GetString()!;
    }

    public async Task<string> StartBackupAsync(string region, string resourceArn)
    {
        var body = new { BackupVaultName = Tutorial.Vault, ResourceArn = resourceArn, IamRoleArn = RoleArn, IdempotencyToken = Guid.NewGuid().ToString() };
        return (await api.BackupAsync(region, "PUT", "/backup-jobs", body)).Expect("StartBackupJob").GetProperty("BackupJobId").GetString()!;
    }

    public Task<ApiAnswer> BackupAsync(string region, string method, string target, object? body = null) => api.BackupAsync(region, method, target, body);
}
