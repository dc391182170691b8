using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using J = Arca.Api.Endpoints.Organizations.OrganizationPoliciesJson;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>
/// Effective policies (awsJson1.1): DescribeEffectivePolicy, and Arca's extension
/// <c>ArcaOrganizations.DescribeEffectivePolicyProvenance</c> — the effective backup policy of an account, OU or root with the
/// policy and target that supplied each value and what was ignored (<c>arca organizations effective-backup-policy</c>).
/// </summary>
internal static class EffectivePolicyEndpoints
{
    /// <summary>The target prefix of Arca's Organizations extensions.</summary>
    public const string ExtensionPrefix = "ArcaOrganizations";

    public static void Map(AwsJsonService organizations)
    {
        organizations.Map("DescribeEffectivePolicy", J.Default.DescribeEffectivePolicyInput, J.Default.EffectivePolicyOutput, async (context, input) =>
        {
            EffectivePolicyDescription effective = await Service(context).DescribeEffectivePolicyAsync(
                context.Caller, input.PolicyType, input.TargetId, context.CancellationToken).ConfigureAwait(false);
            return new EffectivePolicyOutput(new EffectivePolicyWire(
                effective.PolicyContent, W.Epoch(effective.LastUpdatedTimestamp), effective.TargetId, effective.PolicyType));
        });
        organizations.MapExtension(ExtensionPrefix, "DescribeEffectivePolicyProvenance", J.Default.ProvenanceInput, J.Default.ProvenanceOutput,
            async (context, input) => Output(await Service(context).DescribeProvenanceAsync(context.Caller, input.TargetId, context.CancellationToken)
                .ConfigureAwait(false)));
    }

    private static ProvenanceOutput Output(EffectiveBackupPolicyReport report) => new(
        new EffectivePolicyWire(report.Policy.ToJson(), W.Epoch(report.LastUpdated), report.TargetId, OrganizationPolicyTypes.BackupPolicy),
        W.Of(report.TargetType),
        [.. report.Levels.Select(l => new PolicyLevelWire(l.TargetId, [.. l.Policies.Select(p => new AttachedPolicyWire(p.PolicyId, p.PolicyName))]))],
        [.. report.Policy.Provenance.Select(p => new ProvenanceEntryWire(
            p.Path, W.Of(p.Kind), p.Value, p.Source.PolicyId, p.Source.PolicyName, p.Source.TargetId))],
        [.. report.Policy.Diagnostics.Select(d => new PolicyDiagnosticWire(
            W.Of(d.Kind), d.Path, d.Source.PolicyId, d.Source.PolicyName, d.Source.TargetId, d.Message))]);

    private static BackupPolicyService Service(AwsRequestContext context) => context.Services.GetRequiredService<BackupPolicyService>();
}
