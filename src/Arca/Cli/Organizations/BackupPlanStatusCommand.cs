using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Cli.Client;

namespace Arca.Cli.Organizations;

/// <summary>
/// <c>arca organizations backup-plan-status [--account ID] [--json]</c>: every organization-managed backup plan of the organization,
/// account × region × plan, CURRENT or INCOMPLETE with what is missing (target vault, copy destination, role, region not served,
/// invalid plan), or PENDING. Served by the Organizations extension <c>ArcaOrganizations.DescribeBackupPlanStatus</c> (which first
/// materializes pending policy changes and checks the plans again); the management account or a delegated administrator may ask.
/// </summary>
internal static class BackupPlanStatusCommand
{
    public const string Target = "ArcaOrganizations.DescribeBackupPlanStatus";

    private static readonly Option<string?> AccountOption = new("--account") { Description = "Only this member account (12 digits)." };

    private static readonly Option<bool> Json = new("--json") { Description = "Write the answer as JSON (errors as {\"error\": …})." };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("backup-plan-status", "Show the organization-managed backup plans of every account and region, and what each is missing.")
        {
            AccountOption, Json,
        };
        AwsClientOptions.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(Json);
        try
        {
            using var client = new OrganizationsClient(AwsClientSettingsResolver.ResolveFromProcess(AwsClientOptions.Of(parse)));
            JsonArray plans = [];
            string? token = null;
            do
            {
                var request = new JsonObject { ["AccountId"] = parse.GetValue(AccountOption), ["NextToken"] = token };
                JsonObject answer = await client.CallAsync(Target, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
                foreach (JsonNode? plan in answer["BackupPlans"]?.AsArray() ?? [])
                {
                    plans.Add(plan?.DeepClone());
                }

                token = answer["NextToken"]?.GetValue<string>();
            }
            while (token is not null);

            Console.Out.WriteLine(json ? new JsonObject { ["BackupPlans"] = plans }.ToJsonString(Indented) : Render(plans));
            return 0;
        }
        catch (Exception e) when (e is OrganizationsCallException or AwsClientConfigurationException or JsonException or InvalidOperationException)
        {
            if (json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new ErrorOutput(e.Message), CliJson.Default.ErrorOutput));
            }

            await Console.Error.WriteLineAsync("arca: error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("arca: cancelled").ConfigureAwait(false);
            return 130;
        }
    }

    /// <summary>One line per account × region × plan, then its findings indented beneath it.</summary>
    private static string Render(JsonArray plans)
    {
        if (plans.Count == 0)
        {
            return "No organization-managed backup plans: no backup policy applies to any account (or backup policies are not enabled).";
        }

        string[][] rows = [["ACCOUNT", "REGION", "PLAN", "STATUS", "PLAN ID"], .. plans.Select(p => new[]
        {
            Text(p?["AccountId"]), Text(p?["Region"]), Text(p?["BackupPlanName"]), Text(p?["Status"]), Text(p?["BackupPlanId"]),
        })];
        int[] widths = [.. Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length))];
        var text = new StringBuilder();
        for (int i = 0; i < rows.Length; i++)
        {
            text.AppendLine(string.Join("  ", rows[i].Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
            foreach (JsonNode? finding in i == 0 ? [] : plans[i - 1]?["Findings"]?.AsArray() ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {Text(finding?["Kind"])}: {Text(finding?["Detail"])}");
            }
        }

        int incomplete = plans.Count(p => Text(p?["Status"]) != "CURRENT");
        text.Append(CultureInfo.InvariantCulture, $"{plans.Count} plan(s), {incomplete} not current.");
        return text.ToString();
    }

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "-";
}
