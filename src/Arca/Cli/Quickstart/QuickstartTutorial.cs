using System.Globalization;
using System.Text.Json.Nodes;
using Arca.Api.Client;

namespace Arca.Cli.Quickstart;

/// <summary>
/// The reference tutorial (DESIGN.md §6) against a running server, through the signed AWS APIs only: the calls a user
/// makes with the AWS CLI. Steps: organization; SourceAccount and DestinationAccount; the opt-ins; the role, keys and
/// vaults in both regions; the backup policy; the sample directory; a backup; monitoring; the cross-account
/// cross-region copy; the copy back; the restore; the verification.
/// </summary>
internal sealed partial class QuickstartTutorial(QuickstartClient management, string workDirectory, QuickstartReport report)
{
    public const int StepCount = 12;
    public const string SourceRegion = "us-east-1";
    public const string DestinationRegion = "eu-west-1";
    private static readonly string[] Regions = [SourceRegion, DestinationRegion];

    private string _organizationId = string.Empty;
    private string _rootId = string.Empty;
    private string _sourceAccount = string.Empty;
    private string _destinationAccount = string.Empty;
    private QuickstartClient _source = null!;
    private QuickstartClient _destination = null!;

    /// <summary>The accounts the walkthrough created, once step 2 is done.</summary>
    public (string Source, string Destination) Accounts => (_sourceAccount, _destinationAccount);

    /// <summary>Runs every step; throws <see cref="QuickstartException"/> at the first that fails.</summary>
    public async Task<VerifiedRestore> RunAsync(Func<AwsCredentials, string, QuickstartClient> clientFor, CancellationToken cancellationToken)
    {
        await OrganizationAsync(cancellationToken).ConfigureAwait(false);
        await AccountsAsync(clientFor, cancellationToken).ConfigureAwait(false);
        await OptInsAsync(cancellationToken).ConfigureAwait(false);
        await RolesKeysAndVaultsAsync(cancellationToken).ConfigureAwait(false);
        await BackupPolicyAsync(cancellationToken).ConfigureAwait(false);
        string sample = Path.Combine(workDirectory, "sample");
        string resourceArn = await SampleResourceAsync(sample, cancellationToken).ConfigureAwait(false);
        string recoveryPoint = await BackupAsync(resourceArn, cancellationToken).ConfigureAwait(false);
        await MonitoringAsync(cancellationToken).ConfigureAwait(false);
        string copied = await CopyToDestinationAsync(recoveryPoint, cancellationToken).ConfigureAwait(false);
        string copiedBack = await CopyBackAsync(copied, cancellationToken).ConfigureAwait(false);
        string restored = Path.Combine(workDirectory, "restored");
        await RestoreAsync(copiedBack, restored, cancellationToken).ConfigureAwait(false);
        return Verify(sample, restored, copiedBack);
    }

    private async Task OrganizationAsync(CancellationToken ct)
    {
        report.Step("Organization: the first account creates an organization with all features");
        JsonObject organization = await management.OrganizationsAsync("CreateOrganization", new JsonObject { ["FeatureSet"] = "ALL" }, ct).ConfigureAwait(false);
        _organizationId = Text(organization, "Organization", "Id");
        JsonObject roots = await management.OrganizationsAsync("ListRoots", [], ct).ConfigureAwait(false);
        _rootId = roots["Roots"]![0]!["Id"]!.GetValue<string>();
        report.Detail($"organization {_organizationId}, root {_rootId}, management account {Text(organization, "Organization", "MasterAccountId")}");
    }

    private async Task AccountsAsync(Func<AwsCredentials, string, QuickstartClient> clientFor, CancellationToken ct)
    {
        report.Step("Accounts: SourceAccount and DestinationAccount (organizations create-account)");
        _sourceAccount = await CreateAccountAsync("SourceAccount", "source", ct).ConfigureAwait(false);
        _destinationAccount = await CreateAccountAsync("DestinationAccount", "destination", ct).ConfigureAwait(false);
        _source = clientFor(await management.AssumeRoleAsync(AccessRole(_sourceAccount), "quickstart", ct).ConfigureAwait(false), SourceRegion);
        _destination = clientFor(await management.AssumeRoleAsync(AccessRole(_destinationAccount), "quickstart", ct).ConfigureAwait(false), DestinationRegion);
        report.Detail($"SourceAccount {_sourceAccount}, DestinationAccount {_destinationAccount}");
        report.Detail("the management account acts in each through OrganizationAccountAccessRole (sts assume-role)");
    }

    private async Task<string> CreateAccountAsync(string name, string email, CancellationToken ct)
    {
        JsonObject status = (JsonObject)(await management.OrganizationsAsync("CreateAccount", new JsonObject
        {
            ["AccountName"] = name,
            ["Email"] = $"{email}-{Guid.NewGuid():N}@arca.invalid",
        }, ct).ConfigureAwait(false))["CreateAccountStatus"]!;
        string id = status["Id"]!.GetValue<string>();
        for (int attempt = 0; status["State"]!.GetValue<string>() == "IN_PROGRESS"; attempt++)
        {
            await Wait(attempt, ct).ConfigureAwait(false);
            status = (JsonObject)(await management.OrganizationsAsync("DescribeCreateAccountStatus", new JsonObject { ["CreateAccountRequestId"] = id }, ct)
                .ConfigureAwait(false))["CreateAccountStatus"]!;
        }

        return status["State"]!.GetValue<string>() == "SUCCEEDED" ? status["AccountId"]!.GetValue<string>()
            : throw new QuickstartException($"organizations CreateAccount {name}: {status["State"]} ({status["FailureReason"]})");
    }

    private async Task OptInsAsync(CancellationToken ct)
    {
        report.Step("Opt-ins: backup policies, cross-account monitoring, cross-account backup, resource types");
        await management.OrganizationsAsync("EnablePolicyType", new JsonObject { ["RootId"] = _rootId, ["PolicyType"] = "BACKUP_POLICY" }, ct).ConfigureAwait(false);
        report.Detail("backup policies enabled in the root (organizations enable-policy-type)");
        await management.OrganizationsAsync("EnableAWSServiceAccess", new JsonObject { ["ServicePrincipal"] = "backup.amazonaws.com" }, ct).ConfigureAwait(false);
        report.Detail("trusted access for backup.amazonaws.com: cross-account monitoring (organizations enable-aws-service-access)");
        await management.BackupAsync("UpdateGlobalSettings", "PUT", "/global-settings",
            new JsonObject { ["GlobalSettings"] = new JsonObject { ["isCrossAccountBackupEnabled"] = "true" } }, ct).ConfigureAwait(false);
        report.Detail("cross-account backup enabled (backup update-global-settings)");
        foreach (string region in Regions)
        {
            QuickstartClient client = management.In(region);
            JsonObject settings = await client.BackupAsync("DescribeRegionSettings", "GET", "/account-settings", null, ct).ConfigureAwait(false);
            var preferences = new JsonObject();
            foreach ((string type, _) in (JsonObject?)settings["ResourceTypeOptInPreference"] ?? [])
            {
                preferences[type] = true;
            }

            await client.BackupAsync("UpdateRegionSettings", "PUT", "/account-settings", new JsonObject { ["ResourceTypeOptInPreference"] = preferences }, ct)
                .ConfigureAwait(false);
            report.Detail($"{region}: opted in to {string.Join(", ", preferences.Select(p => p.Key))} (backup update-region-settings)");
        }
    }

    private async Task RolesKeysAndVaultsAsync(CancellationToken ct)
    {
        report.Step("Role cabrole, keys and vaults cabvault in both member accounts and both regions (arca apply -f cab-layout.yaml)");
        string layout = BundledLayout();
        var request = new JsonObject { ["Layout"] = layout, ["FileName"] = "cab-layout.yaml" };
        JsonObject plan = await management.ArcaLayoutsAsync("PlanLayout", request, ct).ConfigureAwait(false);
        report.Detail($"plan: {((JsonArray?)plan["Changes"])?.Count ?? 0} changes for layout {plan["LayoutName"]} in {plan["OrganizationId"]}");
        JsonObject applied = await management.ArcaLayoutsAsync("ApplyLayout", (JsonObject)request.DeepClone(), ct).ConfigureAwait(false);
        JsonNode?[] instances = [.. (JsonArray?)applied["Instances"] ?? []];
        foreach (JsonNode? instance in instances)
        {
            report.Detail($"{instance!["AccountName"]} {instance["AccountId"]} {instance["Region"]}: {instance["Status"]}"
                + (instance["Reason"] is { } reason ? $" ({reason})" : string.Empty));
        }

        if (instances.Length == 0 || instances.Any(i => i!["Status"]?.GetValue<string>() != "CURRENT"))
        {
            throw new QuickstartException("the layout is not CURRENT in every account and region");
        }

        foreach (string account in new[] { _sourceAccount, _destinationAccount })
        {
            foreach (string region in Regions)
            {
                report.Detail($"{account} {region}: vault {VaultArn(region, account)} encrypted with {QuickstartDocuments.KeyAlias}, role {RoleArn(account)}");
            }
        }
    }

    /// <summary>docs/tutorial/cab-layout.yaml, embedded in the executable.</summary>
    private static string BundledLayout()
    {
        using Stream stream = typeof(QuickstartTutorial).Assembly.GetManifestResourceStream("quickstart/cab-layout.yaml")
            ?? throw new InvalidOperationException("the bundled layout quickstart/cab-layout.yaml is missing from the executable");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task BackupPolicyAsync(CancellationToken ct)
    {
        report.Step("Backup policy cabpolicy (plan cabplan, rule cabrule, copy to DestinationAccount eu-west-1), attached to SourceAccount");
        JsonObject created = await management.OrganizationsAsync("CreatePolicy", new JsonObject
        {
            ["Name"] = QuickstartDocuments.PolicyName,
            ["Description"] = "daily backups of tag backup=cab, copied to DestinationAccount in eu-west-1",
            ["Type"] = "BACKUP_POLICY",
            ["Content"] = QuickstartDocuments.BackupPolicy(_destinationAccount),
        }, ct).ConfigureAwait(false);
        string policyId = Text(created, "Policy", "PolicySummary", "Id");
        await management.OrganizationsAsync("AttachPolicy", new JsonObject { ["PolicyId"] = policyId, ["TargetId"] = _sourceAccount }, ct).ConfigureAwait(false);
        report.Detail($"policy {policyId} attached to {_sourceAccount}");
        JsonObject status = await management.ArcaOrganizationsAsync("DescribeBackupPlanStatus", new JsonObject { ["AccountId"] = _sourceAccount }, ct)
            .ConfigureAwait(false);
        foreach (JsonNode? plan in (JsonArray?)status["BackupPlans"] ?? [])
        {
            report.Detail($"organization-managed plan {plan!["BackupPlanName"]} in {plan["Region"]}: {plan["Status"]} ({plan["BackupPlanId"]})");
            foreach (JsonNode? finding in (JsonArray?)plan["Findings"] ?? [])
            {
                report.Detail($"  {finding!["Kind"]}: {finding["Detail"]}");
            }
        }
    }

    private static string AccessRole(string account) => $"arn:aws:iam::{account}:role/OrganizationAccountAccessRole";

    private static string RoleArn(string account) => $"arn:aws:iam::{account}:role/{QuickstartDocuments.RoleName}";

    private static string VaultArn(string region, string account) => $"arn:aws:backup:{region}:{account}:backup-vault:{QuickstartDocuments.VaultName}";

    private static string Text(JsonObject value, params string[] path)
    {
        JsonNode? node = value;
        foreach (string name in path)
        {
            node = node?[name];
        }

        return node?.GetValue<string>() ?? throw new QuickstartException($"the answer lacks {string.Join('.', path)}: {value.ToJsonString()}");
    }

    /// <summary>Waits a little longer at each attempt (50 ms up to 1 s) while a job or an account is in progress.</summary>
    private static Task Wait(int attempt, CancellationToken ct) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * (1 << Math.Min(attempt, 5)))), ct);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
