using Arca.Control.Backup;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations;
using Arca.Control.Regions;
using Arca.Control.Tests.Organizations;
using Arca.Storage.Resources;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>
/// The Organizations services (<see cref="OrganizationFixture"/>) beside Backup's plan services over in-memory regional stores
/// (us-east-1, eu-west-1 — the latter can simulate a crash — and optionally more), with the materializer wired as the server wires it.
/// </summary>
internal sealed class OrganizationPlanFixture : IDisposable
{
    public OrganizationPlanFixture(params string[] moreRegions)
    {
        EuWest1 = new CrashingStore(new InMemoryMetadataStore());
        string root = Path.Combine(Path.GetTempPath(), "arca-org-plans-test");
        Regions = new RegionSet([
            new Region("us-east-1", new InMemoryMetadataStore(), MasterKey.Generate(), Path.Combine(root, "us-east-1")),
            new Region("eu-west-1", EuWest1, MasterKey.Generate(), Path.Combine(root, "eu-west-1")),
            .. moreRegions.Select(r => new Region(r, new InMemoryMetadataStore(), MasterKey.Generate(), Path.Combine(root, r))),
        ]);
        var tokens = new PageTokens(new byte[32]);
        var vaults = new StoredVaultCatalog(Regions);
        Materializer = NewMaterializer();
        Plans = new BackupPlanService(Regions, Org.Authorizer, vaults, tokens, Org.Time);
        Selections = new BackupSelectionService(Regions, Org.Authorizer, Org.Roles, tokens, Org.Time);
        Tags = new BackupTagService(Regions, Org.Authorizer, [BackupTagTargets.Plans, BackupTagTargets.Resources]);
        Settings = new RegionSettingsService(Regions, Org.Authorizer, new BackupResourceTypes(ResourceTypeRegistry.CreateDefault()));
        OptIn = new PlanOptInResolver(Regions, Settings);
        Status = new OrganizationPlanStatusService(Org.Store, Regions, Org.Authorizer, tokens, Org.Feed, Materializer);
    }

    public const string Cron = "cron(0 5 ? * * *)";

    public OrganizationFixture Org { get; } = new();

    public RegionSet Regions { get; }

    public CrashingStore EuWest1 { get; }

    public OrganizationPlanMaterializer Materializer { get; }

    public BackupPlanService Plans { get; }

    public BackupSelectionService Selections { get; }

    public BackupTagService Tags { get; }

    public RegionSettingsService Settings { get; }

    public PlanOptInResolver OptIn { get; }

    public OrganizationPlanStatusService Status { get; }

    /// <summary>The tutorial's policy: cabplan in both regions, cabrule daily, a copy to DestinationAccount's eu-west-1 cabvault, cabresources by tag.</summary>
    public static string CabPolicy(string destination, string regions = "\"us-east-1\",\"eu-west-1\"", string extraRule = "") => """
        {"plans":{"cabplan":{
          "regions":{"@@assign":[REGIONS]},
          "rules":{"cabrule":{
            "schedule_expression":{"@@assign":"cron(0 5 ? * * *)"},
            "target_backup_vault_name":{"@@assign":"cabvault"},
            EXTRA
            "copy_actions":{"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault":{
              "target_backup_vault_arn":{"@@assign":"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault"}}}}},
          "selections":{"tags":{"cabresources":{
            "iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},
            "tag_key":{"@@assign":"backup"},
            "tag_value":{"@@assign":["cab"]}}}}}}}
        """.Replace("REGIONS", regions, StringComparison.Ordinal).Replace("EXTRA", extraRule, StringComparison.Ordinal)
        .Replace("DESTINATION", destination, StringComparison.Ordinal);

    /// <summary>A second materializer over the same stores: the server after a restart.</summary>
    public OrganizationPlanMaterializer NewMaterializer() =>
        new(Org.Store, Regions, Org.Feed, Org.BackupPolicies, new StoredVaultCatalog(Regions), Org.Roles, Org.Time);

    /// <summary>The tutorial's organization: backup policies enabled, SourceAccount and DestinationAccount, and cabpolicy (not attached).</summary>
    public async Task<Tutorial> TutorialAsync()
    {
        (CallerIdentity management, Organization organization) = await Org.NewOrganizationAsync();
        string root = await Org.EnableBackupPoliciesAsync(management);
        (string source, CallerIdentity sourceRoot) = await Org.NewMemberAsync(management, "SourceAccount");
        (string destination, CallerIdentity destinationRoot) = await Org.NewMemberAsync(management, "DestinationAccount");
        string policy = await Org.CreateBackupPolicyAsync(management, "cabpolicy", CabPolicy(destination));
        await Materializer.DrainPendingAsync();
        return new Tutorial(management, organization.Id, root, source, sourceRoot, destination, destinationRoot, policy);
    }

    /// <summary>Puts a vault document where the vault service keeps it (only its key matters here).</summary>
    public Task AddVaultAsync(string accountId, string region, string vault = "cabvault") =>
        Regions.Get(region).Store.TransactAsync(tx => tx.PutAsync(StoredVaultCatalog.Collection, StoredVaultCatalog.Key(accountId, vault), "{}", new IndexFields(accountId)));

    public Task<Role> AddRoleAsync(CallerIdentity owner, string name = "cabrole") =>
        Org.Roles.CreateRoleAsync(owner, new CreateRoleRequest
        {
            RoleName = name,
            AssumeRolePolicyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        });

    /// <summary>The organization-managed plans of an account in a region, as the account lists them.</summary>
    public async Task<IReadOnlyList<BackupPlanDetails>> OrgPlansAsync(CallerIdentity account, string region, bool includeDeleted = false) =>
        [.. (await Plans.ListAsync(account with { Region = region }, includeDeleted)).Items.Where(p => p.OrganizationManaged)];

    public void Dispose() => Materializer.Dispose();

    internal sealed record Tutorial(
        CallerIdentity Management, string OrganizationId, string Root, string Source, CallerIdentity SourceRoot, string Destination, CallerIdentity DestinationRoot, string PolicyId);
}
