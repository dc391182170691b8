using System.Text.Json.Serialization;

namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted organization with its one root.</summary>
internal sealed record OrganizationRecord
{
    public required string Id { get; init; }

    public required OrganizationFeatureSet FeatureSet { get; init; }

    public required string ManagementAccountId { get; init; }

    public required string RootId { get; init; }

    public string RootName { get; init; } = "Root";

    /// <summary>The root's policy types; EnablePolicyType/DisablePolicyType (issue 5) edit this list.</summary>
    public IReadOnlyList<PolicyTypeSummary> RootPolicyTypes { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>o-…/r-…/</c>: the root's path, prefix of every path in the organization.</summary>
    [JsonIgnore]
    public string RootPath => $"{Id}/{RootId}/";
}
