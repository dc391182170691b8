using Arca.Api.Hosting;
using Arca.Api.Protocols;
using Arca.Api.Protocols.AwsJson;
using Arca.Control.Layouts;
using Arca.Control.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using W = Arca.Api.Endpoints.Organizations.OrganizationsWireNames;

namespace Arca.Api.Endpoints.Layouts;

/// <summary>
/// Arca's <c>ArcaLayouts</c> extension on the Organizations endpoint (docs/design/layout.md §7): PlanLayout, ApplyLayout,
/// DescribeLayoutStatus, ListLayouts, DestroyLayout — what <c>arca apply</c> and <c>arca destroy</c> call. Only the organization's
/// management account may call them. Also registers the layout engine and its reconciler (a tree listener, run by a hosted service).
/// </summary>
internal static class LayoutEndpoints
{
    public const string ExtensionPrefix = "ArcaLayouts";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<LayoutActors>();
        services.AddSingleton<LayoutEngine>();
        services.AddSingleton<LayoutService>();
        services.AddSingleton<LayoutReconciler>();
        services.AddSingleton<IOrganizationTreeListener>(s => s.GetRequiredService<LayoutReconciler>());
        services.AddSingleton<LayoutReconcilerHost>();
        services.AddSingleton<IHostedService>(s => s.GetRequiredService<LayoutReconcilerHost>());
    }

    public static void Map(AwsJsonService organizations)
    {
        organizations.MapExtension(ExtensionPrefix, "PlanLayout", LayoutJson.Default.LayoutInput, LayoutJson.Default.LayoutReportOutput,
            async (context, input) => Output(await Service(context).PlanAsync(context.Caller, input.Layout, input.FileName, context.CancellationToken)
                .ConfigureAwait(false)));
        organizations.MapExtension(ExtensionPrefix, "ApplyLayout", LayoutJson.Default.LayoutInput, LayoutJson.Default.LayoutReportOutput,
            async (context, input) => Output(await Service(context).ApplyAsync(context.Caller, input.Layout, input.FileName, context.CancellationToken)
                .ConfigureAwait(false)));
        organizations.MapExtension(ExtensionPrefix, "DescribeLayoutStatus", LayoutJson.Default.LayoutNameInput, LayoutJson.Default.LayoutReportOutput,
            async (context, input) => Output(await Service(context).DescribeStatusAsync(context.Caller, input.LayoutName, context.CancellationToken)
                .ConfigureAwait(false)));
        organizations.MapExtension(ExtensionPrefix, "ListLayouts", LayoutJson.Default.ListLayoutsInput, LayoutJson.Default.ListLayoutsOutput,
            async (context, _) => new ListLayoutsOutput([.. (await Service(context).ListAsync(context.Caller, context.CancellationToken).ConfigureAwait(false))
                .Select(l => new LayoutSummaryWire(l.LayoutName, W.Epoch(l.AppliedAt), l.CheckedAt is { } at ? W.Epoch(at) : null, l.Current, l.Outdated, l.Failed))]));
        organizations.MapExtension(ExtensionPrefix, "DestroyLayout", LayoutJson.Default.DestroyLayoutInput, LayoutJson.Default.LayoutReportOutput,
            async (context, input) => Output(await Service(context).DestroyAsync(context.Caller, input.LayoutName, input.Layout, input.FileName,
                input.DeleteRecoveryPoints ?? false, input.DryRun ?? false, context.CancellationToken).ConfigureAwait(false)));
    }

    private static LayoutReportOutput Output(LayoutReport report) => new(
        report.LayoutName,
        report.OrganizationId,
        report.AppliedAt is { } at ? W.Epoch(at) : null,
        [.. report.Changes.Select(c => new LayoutChangeWire(c.AccountId, c.Region, c.ResourceType, c.Name, Upper(c.Action), c.Details,
            c.Outcome is { } outcome ? Upper(outcome) : null, c.Reason))],
        [.. report.Instances.Select(i => new LayoutInstanceWire(i.AccountId, i.AccountName, i.Region, Upper(i.Status), i.Reason))]);

    private static string Upper<T>(T value)
        where T : struct, Enum => value.ToString().ToUpperInvariant();

    private static LayoutService Service(AwsRequestContext context) => context.Services.GetRequiredService<LayoutService>();
}
