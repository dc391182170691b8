using Arca.Control.Organizations;
using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>Domain values in the model's spelling: enums as AWS names them, timestamps as epoch seconds.</summary>
internal static class OrganizationsWireNames
{
    /// <summary>Arca's accounts are always active (<c>Status</c> and <c>State</c>).</summary>
    public const string Active = "ACTIVE";

    public static double Epoch(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static string Of(OrganizationFeatureSet value) => value == OrganizationFeatureSet.All ? "ALL" : "CONSOLIDATED_BILLING";

    public static string Of(PolicyTypeStatus value) => value switch
    {
        PolicyTypeStatus.Enabled => "ENABLED",
        PolicyTypeStatus.PendingEnable => "PENDING_ENABLE",
        _ => "PENDING_DISABLE",
    };

    public static string Of(OrganizationChildType value) => value == OrganizationChildType.Account ? "ACCOUNT" : "ORGANIZATIONAL_UNIT";

    public static string Of(OrganizationParentType value) => value == OrganizationParentType.Root ? "ROOT" : "ORGANIZATIONAL_UNIT";

    public static string Of(AccountJoinedMethod value) => value == AccountJoinedMethod.Created ? "CREATED" : "INVITED";

    public static string Of(CreateAccountState value) => value switch
    {
        CreateAccountState.InProgress => "IN_PROGRESS",
        CreateAccountState.Succeeded => "SUCCEEDED",
        _ => "FAILED",
    };

    public static string Of(PolicyTargetType value) => value switch
    {
        PolicyTargetType.Account => "ACCOUNT",
        PolicyTargetType.OrganizationalUnit => "ORGANIZATIONAL_UNIT",
        _ => "ROOT",
    };

    /// <summary>Arca's extension: <c>KEY</c>, <c>VALUE</c>, <c>ELEMENT</c>.</summary>
    public static string Of(ProvenanceKind value) => value switch
    {
        ProvenanceKind.Key => "KEY",
        ProvenanceKind.Value => "VALUE",
        _ => "ELEMENT",
    };

    /// <summary>Arca's extension: <c>OPERATOR_NOT_ALLOWED</c>, <c>SAME_LEVEL_CONFLICT</c>.</summary>
    public static string Of(PolicyDiagnosticKind value) => value == PolicyDiagnosticKind.OperatorNotAllowed ? "OPERATOR_NOT_ALLOWED" : "SAME_LEVEL_CONFLICT";

    public static IReadOnlyList<PolicyTypeSummaryWire> Of(IReadOnlyList<PolicyTypeSummary> types) =>
        [.. types.Select(t => new PolicyTypeSummaryWire(t.Type, Of(t.Status)))];

    public static IReadOnlyList<OrganizationTag> Tags(IReadOnlyList<TagWire>? tags) => [.. (tags ?? []).Select(t => new OrganizationTag(t?.Key, t?.Value))];

    public static AccountWire Account(OrganizationAccount a) =>
        new(a.Id, a.Arn, a.Email, a.Name, Active, Active, [a.Path], Of(a.JoinedMethod), Epoch(a.JoinedTimestamp));
}
