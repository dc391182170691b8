using System.CommandLine;
using System.Text.Json.Nodes;
using Arca.Cli.Client;

namespace Arca.Cli.Layouts;

/// <summary>
/// <c>arca apply -f layout.yaml [--dry-run] [--json]</c>: lays out roles, keys, vaults and backup policies across the organization
/// (docs/design/layout.md). Prints the plan first (<c>ArcaLayouts.PlanLayout</c>), then applies it (<c>ArcaLayouts.ApplyLayout</c>) and
/// prints every account × region as CURRENT, OUTDATED or FAILED with the reason. Exit 1 when one is FAILED. The caller is the
/// organization's management account.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create()
    {
        var command = new Command("apply", "Lay out roles, KMS keys, backup vaults and backup policies across the organization from a layout file.")
        {
            LayoutCommandBase.File, LayoutCommandBase.DryRun, LayoutCommandBase.Json,
        };
        AwsClientOptions.AddTo(command);
        command.SetAction((parse, ct) => LayoutCommandBase.RunAsync(parse, async (client, text, fileName) =>
        {
            string body = new JsonObject { ["Layout"] = text, ["FileName"] = fileName }.ToJsonString();
            bool json = parse.GetValue(LayoutCommandBase.Json);
            JsonObject plan = await client.CallAsync("ArcaLayouts.PlanLayout", body, ct).ConfigureAwait(false);
            if (!json)
            {
                Console.Out.WriteLine(LayoutOutput.Plan(plan, "plan"));
            }

            if (parse.GetValue(LayoutCommandBase.DryRun))
            {
                if (json)
                {
                    LayoutCommandBase.WriteJson("Apply", plan, null);
                }

                return 0;
            }

            JsonObject applied = await client.CallAsync("ArcaLayouts.ApplyLayout", body, ct).ConfigureAwait(false);
            if (json)
            {
                LayoutCommandBase.WriteJson("Apply", plan, applied);
            }
            else
            {
                Console.Out.WriteLine(LayoutOutput.Outcome(applied, "apply"));
            }

            return LayoutOutput.AnyFailed(applied) ? 1 : 0;
        }, ct));
        return command;
    }
}
