using Arca.Control.Backup.OrganizationPlans;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// A finding of an organization-managed plan on the wire (Arca's extension): <c>{"Kind": "TARGET_VAULT_MISSING", "Detail": …}</c>,
/// kinds in AWS's enum style. In GetBackupPlan's <c>ArcaFindings</c> and in <c>ArcaOrganizations.DescribeBackupPlanStatus</c>.
/// </summary>
internal sealed record OrganizationFindingWire(string Kind, string Detail)
{
    public static OrganizationFindingWire From(OrganizationPlanFinding finding) => new(Name(finding.Kind), finding.Detail);

    public static string Name(OrganizationPlanFindingKind kind) => kind switch
    {
        OrganizationPlanFindingKind.TargetVaultMissing => "TARGET_VAULT_MISSING",
        OrganizationPlanFindingKind.CopyDestinationMissing => "COPY_DESTINATION_MISSING",
        OrganizationPlanFindingKind.RoleMissing => "ROLE_MISSING",
        OrganizationPlanFindingKind.RegionNotServed => "REGION_NOT_SERVED",
        OrganizationPlanFindingKind.InvalidPlan => "INVALID_PLAN",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown finding kind"),
    };
}
