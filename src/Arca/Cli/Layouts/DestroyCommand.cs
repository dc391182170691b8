using System.CommandLine;
using System.Text.Json.Nodes;
using Arca.Cli.Client;

namespace Arca.Cli.Layouts;

/// <summary>
/// <c>arca destroy -f layout.yaml [--delete-recovery-points] [--dry-run] [--json]</c>: removes what the layout created (backup
/// policies, vaults, keys — aliases deleted, keys scheduled for deletion in 7 days — and roles). A vault that holds recovery points
/// stays, with its key and the account's roles, and its account × region is FAILED, unless <c>--delete-recovery-points</c>.
/// Prints the plan first (<c>ArcaLayouts.DestroyLayout</c> with DryRun), then destroys. Exit 1 when an instance is FAILED.
/// </summary>
internal static class DestroyCommand
{
    private static readonly Option<bool> DeleteRecoveryPoints = new("--delete-recovery-points")
    {
        Description = "Also delete the recovery points of the layout's vaults (otherwise a vault holding any is kept).",
    };

    public static Command Create()
    {
        var command = new Command("destroy", "Remove the roles, keys, vaults and backup policies a layout created.")
        {
            LayoutCommandBase.File, DeleteRecoveryPoints, LayoutCommandBase.DryRun, LayoutCommandBase.Json,
        };
        AwsClientOptions.AddTo(command);
        command.SetAction((parse, ct) => LayoutCommandBase.RunAsync(parse, async (client, text, fileName) =>
        {
            bool json = parse.GetValue(LayoutCommandBase.Json);
            bool deleteRecoveryPoints = parse.GetValue(DeleteRecoveryPoints);
            string Body(bool dryRun) => new JsonObject
            {
                ["Layout"] = text,
                ["FileName"] = fileName,
                ["DeleteRecoveryPoints"] = deleteRecoveryPoints,
                ["DryRun"] = dryRun,
            }.ToJsonString();

            JsonObject plan = await client.CallAsync("ArcaLayouts.DestroyLayout", Body(dryRun: true), ct).ConfigureAwait(false);
            if (!json)
            {
                Console.Out.WriteLine(LayoutOutput.Plan(plan, "plan"));
            }

            if (parse.GetValue(LayoutCommandBase.DryRun))
            {
                if (json)
                {
                    LayoutCommandBase.WriteJson("Destroy", plan, null);
                }

                return LayoutOutput.AnyFailed(plan) ? 1 : 0;
            }

            JsonObject destroyed = await client.CallAsync("ArcaLayouts.DestroyLayout", Body(dryRun: false), ct).ConfigureAwait(false);
            if (json)
            {
                LayoutCommandBase.WriteJson("Destroy", plan, destroyed);
            }
            else
            {
                Console.Out.WriteLine(LayoutOutput.Outcome(destroyed, "destroy"));
            }

            return LayoutOutput.AnyFailed(destroyed) ? 1 : 0;
        }, ct));
        return command;
    }
}
