using Arca.Api.Client;
using Arca.WebConsole.Tests.Infrastructure;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// The reference tutorial's layout as far as the server on main implements it (DESIGN.md §6, steps 0–4), created
/// through the API before the browser looks: an organization with SourceAccount and DestinationAccount, the role
/// <c>cabrole</c>, a KMS key <c>cabkey</c>, vault <c>cabvault</c>, plan <c>cabplan</c> with rule <c>cabrule</c> and
/// selection <c>cabresources</c>, and backup policy <c>cabpolicy</c> attached to SourceAccount. What the server does not
/// implement yet is recorded in <see cref="Unimplemented"/> (the operation names), so tests assert its AWS error instead.
/// </summary>
internal sealed class Tutorial
{
    public const string Region = "us-east-1";
    public const string Vault = "cabvault";
    public const string TrustBackup = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public required ApiClient Management { get; init; }

    public required string ManagementAccount { get; init; }

    public required string OrganizationId { get; init; }

    public required string SourceAccount { get; init; }

    public required string DestinationAccount { get; init; }

    /// <summary>SourceAccount's OrganizationAccountAccessRole session (temporary credentials with a session token).</summary>
    public required AwsCredentials SourceSession { get; init; }

    public required AwsCredentials DestinationSession { get; init; }

    public required string KeyArn { get; init; }

    public required string PlanId { get; init; }

    public required IReadOnlySet<string> Unimplemented { get; init; }

    public static async Task<Tutorial> CreateAsync(ServerProcess server, HttpClient http)
    {
        (string keyId, string secret) = server.RootKey();
        var api = new ApiClient(http, server.Endpoint, new AwsCredentials(keyId, secret));
        var missing = new HashSet<string>(StringComparer.Ordinal);

        string organization = (await api.OrganizationsAsync("CreateOrganization", new { FeatureSet = "ALL" })).Expect("CreateOrganization").GetProperty("Organization").GetProperty("Id").GetString()!;
        string root = (await api.OrganizationsAsync("ListRoots", new { })).Expect("ListRoots").GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        string source = await CreateAccountAsync(api, "SourceAccount");
        string destination = await CreateAccountAsync(api, "DestinationAccount");
        await api.QueryAsync("iam", "CreateRole", "2010-05-08", ("RoleName", "cabrole"), ("AssumeRolePolicyDocument", TrustBackup));
        string keyArn = (await api.JsonAsync("kms", Region, "TrentService.CreateKey", new { Description = "cabkey" })).Expect("CreateKey").GetProperty("KeyMetadata").GetProperty("Arn").GetString()!;

        await CreateVaultAsync(api, keyArn);
        string planId = await CreatePlanAsync(api, server.AccountId, destination);
        await AttachPolicyAsync(api, root, source, destination, missing);
        await ProbeAsync(api, missing);

        return new Tutorial
        {
            Management = api,
            ManagementAccount = server.AccountId,
            OrganizationId = organization,
            SourceAccount = source,
            DestinationAccount = destination,
            SourceSession = await api.AssumeRoleAsync($"arn:aws:iam::{source}:role/OrganizationAccountAccessRole", "console-source"),
            DestinationSession = await api.AssumeRoleAsync($"arn:aws:iam::{destination}:role/OrganizationAccountAccessRole", "console-destination"),
            KeyArn = keyArn,
            PlanId = planId,
            Unimplemented = missing,
        };
    }

    private static async Task<string> CreateAccountAsync(ApiClient api, string name)
    {
        ApiAnswer created = await api.OrganizationsAsync("CreateAccount", new { AccountName = name, Email = $"{name.ToLowerInvariant()}@example.com" });
        return created.Expect("CreateAccount " + name).GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
    }

    private static async Task CreateVaultAsync(ApiClient api, string keyArn) =>
        (await api.BackupAsync(Region, "PUT", "/backup-vaults/" + Vault, new { EncryptionKeyArn = keyArn })).Expect("CreateBackupVault");

    private static async Task<string> CreatePlanAsync(ApiClient api, string account, string destination)
    {
        var plan = new
        {
            BackupPlan = new
            {
                BackupPlanName = "cabplan",
                Rules = new[]
                {
                    new
                    {
                        RuleName = "cabrule",
                        TargetBackupVaultName = Vault,
                        CopyActions = new[] { new { DestinationBackupVaultArn = $"arn:aws:backup:eu-west-1:{destination}:backup-vault:{Vault}" } },
                    },
                },
            },
        };
        string planId = (await api.BackupAsync(Region, "PUT", "/backup/plans/", plan)).Expect("CreateBackupPlan").GetProperty("BackupPlanId").GetString()!;
        var selection = new
        {
            BackupSelection = new
            {
                SelectionName = "cabresources",
                IamRoleArn = $"arn:aws:iam::{account}:role/cabrole",
                ListOfTags = new[] { new { ConditionType = "STRINGEQUALS", ConditionKey = "backup", ConditionValue = "cab" } },
            },
        };
        (await api.BackupAsync(Region, "PUT", $"/backup/plans/{planId}/selections/", selection)).Expect("CreateBackupSelection");
        return planId;
    }

    /// <summary>Step 1's backup policies and step 4's cabpolicy, attached to SourceAccount.</summary>
    private static async Task AttachPolicyAsync(ApiClient api, string root, string source, string destination, HashSet<string> missing)
    {
        ApiAnswer enabled = await api.OrganizationsAsync("EnablePolicyType", new { RootId = root, PolicyType = "BACKUP_POLICY" });
        if (enabled.Unimplemented)
        {
            missing.Add("EnablePolicyType");
            return;
        }

        enabled.Expect("EnablePolicyType");
        string content = """
            {"plans":{"cabplan":{"regions":{"@@assign":["us-east-1","eu-west-1"]},
              "rules":{"cabrule":{"schedule_expression":{"@@assign":"cron(0 5 ? * * *)"},"target_backup_vault_name":{"@@assign":"cabvault"},
                "copy_actions":{"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault":{"target_backup_vault_arn":{"@@assign":"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault"}}}}},
              "selections":{"tags":{"cabresources":{"iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},"tag_key":{"@@assign":"backup"},"tag_value":{"@@assign":["cab"]}}}}}}}
            """.Replace("DESTINATION", destination, StringComparison.Ordinal);
        string policy = (await api.OrganizationsAsync("CreatePolicy", new { Name = "cabpolicy", Description = "Cross-account backup with cross-Region copy", Type = "BACKUP_POLICY", Content = content }))
            .Expect("CreatePolicy").GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        (await api.OrganizationsAsync("AttachPolicy", new { PolicyId = policy, TargetId = source })).Expect("AttachPolicy");
    }

    /// <summary>Reads (and one empty start, which a real implementation refuses as bad input) telling which operations exist.</summary>
    private static async Task ProbeAsync(ApiClient api, HashSet<string> missing)
    {
        (string Operation, Func<Task<ApiAnswer>> Call)[] probes =
        [
            ("ListBackupJobs", () => api.BackupAsync(Region, "GET", "/backup-jobs/")),
            ("ListCopyJobs", () => api.BackupAsync(Region, "GET", "/copy-jobs/")),
            ("ListRestoreJobs", () => api.BackupAsync(Region, "GET", "/restore-jobs/")),
            ("ListBackupVaults", () => api.BackupAsync(Region, "GET", "/backup-vaults/")),
            ("DescribeBackupVault", () => api.BackupAsync(Region, "GET", "/backup-vaults/" + Vault)),
            ("ListRecoveryPointsByBackupVault", () => api.BackupAsync(Region, "GET", $"/backup-vaults/{Vault}/recovery-points/")),
            ("StartBackupJob", () => api.BackupAsync(Region, "PUT", "/backup-jobs", new { })),
            ("DescribeGlobalSettings", () => api.BackupAsync(Region, "GET", "/global-settings")),
            ("DescribeEffectivePolicyProvenance", () => api.JsonAsync("organizations", Region, "ArcaOrganizations.DescribeEffectivePolicyProvenance", new { TargetId = "000000000000" })),
        ];
        foreach ((string operation, Func<Task<ApiAnswer>> call) in probes)
        {
            if ((await call()).Unimplemented)
            {
                missing.Add(operation);
            }
        }
    }
}
