using Arca.Api.Endpoints.Backup;
using Arca.Api.Hosting;
using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Backup.OrganizationPlans;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>
/// Organization-managed backup plans: the materializer (a background service woken by backup-policy changes), the opt-in seam the
/// scheduler uses, and Arca's extension <c>ArcaOrganizations.DescribeBackupPlanStatus</c> — every account × region × plan of the
/// organization, current or incomplete with its findings (<c>arca organizations backup-plan-status</c>).
/// </summary>
internal static class BackupPlanStatusEndpoints
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<OrganizationPlanMaterializer>();
        services.AddSingleton<OrganizationPlanMaterializerHost>();
        services.AddSingleton<IBackupPolicyListener>(s => s.GetRequiredService<OrganizationPlanMaterializerHost>());
        services.AddSingleton<IHostedService>(s => s.GetRequiredService<OrganizationPlanMaterializerHost>());
        services.AddSingleton<OrganizationPlanStatusService>();
        services.AddSingleton<IOptInResolver, PlanOptInResolver>();
    }

    public static void Map(AwsJsonService organizations) =>
        organizations.MapExtension(EffectivePolicyEndpoints.ExtensionPrefix, "DescribeBackupPlanStatus", BackupPlanStatusJson.Default.BackupPlanStatusInput,
            BackupPlanStatusJson.Default.BackupPlanStatusOutput, async (context, input) =>
            {
                OrganizationPlanStatusPage page = await Service(context).DescribeAsync(
                    context.Caller, input.AccountId, input.NextToken, input.MaxResults, context.CancellationToken).ConfigureAwait(false);
                return new BackupPlanStatusOutput([.. page.BackupPlans.Select(Wire)], page.NextToken);
            });

    private static BackupPlanStatusWire Wire(OrganizationPlanStatus status) => new(
        status.AccountId,
        status.Region,
        status.BackupPlanName,
        status.BackupPlanId,
        status.VersionId,
        status.State switch
        {
            OrganizationPlanState.Current => "CURRENT",
            OrganizationPlanState.Incomplete => "INCOMPLETE",
            _ => "PENDING",
        },
        [.. status.Findings.Select(OrganizationFindingWire.From)],
        status.CheckedAt is { } checkedAt ? W.Epoch(checkedAt) : null);

    private static OrganizationPlanStatusService Service(AwsRequestContext context) => context.Services.GetRequiredService<OrganizationPlanStatusService>();
}
