using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Cli.Client;

namespace Arca.Cli.Organizations;

/// <summary>
/// <c>arca organizations effective-backup-policy --target ACCOUNT_OR_OU_ID [--json]</c>: the effective backup policy of an
/// account, OU or root, every value with the policy (id, name) and the target it is attached to that supplied it, and what
/// was ignored (operators a parent forbids, same-target conflicts). Served by the Organizations extension
/// <c>ArcaOrganizations.DescribeEffectivePolicyProvenance</c>; the management account or a delegated administrator may ask.
/// </summary>
internal static class EffectiveBackupPolicyCommand
{
    public const string Target = "ArcaOrganizations.DescribeEffectivePolicyProvenance";

    private static readonly Option<string> TargetOption = new("--target")
    {
        Description = "The account (12 digits), OU (ou-…) or root (r-…) whose effective backup policy to explain.",
        Required = true,
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Write the answer as JSON (errors as {\"error\": …})." };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("effective-backup-policy", "Show an effective backup policy and which policy supplied each value.") { TargetOption, Json };
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
            var request = new JsonObject { ["TargetId"] = parse.GetValue(TargetOption) };
            JsonObject answer = await client.CallAsync(Target, request.ToJsonString(), cancellationToken).ConfigureAwait(false);
            JsonObject effective = answer["EffectivePolicy"]?.AsObject() ?? throw new OrganizationsCallException("the server's answer has no EffectivePolicy");
            effective["PolicyContent"] = JsonNode.Parse(effective["PolicyContent"]?.GetValue<string>() ?? "{}");
            Console.Out.WriteLine(json ? answer.ToJsonString(Indented) : Render(answer));
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

    /// <summary>The answer for people: the policy, the attachments root first, each value with its source, then the diagnostics.</summary>
    private static string Render(JsonObject answer)
    {
        JsonNode effective = answer["EffectivePolicy"]!;
        double updated = effective["LastUpdatedTimestamp"]?.GetValue<double>() ?? 0;
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Effective backup policy of {Kind(answer["TargetType"])} {effective["TargetId"]}")
            .AppendLine(CultureInfo.InvariantCulture, $" (last updated {DateTimeOffset.FromUnixTimeMilliseconds((long)(updated * 1000)):yyyy-MM-dd HH:mm:ss} UTC)")
            .AppendLine(effective["PolicyContent"]!.ToJsonString(Indented))
            .AppendLine().AppendLine("Attached backup policies, root first:");
        foreach (JsonNode? level in answer["Levels"]?.AsArray() ?? [])
        {
            string policies = string.Join(", ", (level?["Policies"]?.AsArray() ?? []).Select(p => $"{p?["PolicyId"]} ({p?["PolicyName"]})"));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {level?["TargetId"]}: {(policies.Length == 0 ? "-" : policies)}");
        }

        text.AppendLine().AppendLine("Where each value comes from:");
        foreach (JsonNode? entry in answer["Provenance"]?.AsArray() ?? [])
        {
            string what = entry?["Value"] is { } value ? $"{entry["Path"]} = {value}" : $"{entry?["Path"]}";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {what}  <-  {entry?["PolicyId"]} ({entry?["PolicyName"]}) attached to {entry?["TargetId"]}");
        }

        JsonArray diagnostics = answer["Diagnostics"]?.AsArray() ?? [];
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Ignored ({diagnostics.Count}):");
        foreach (JsonNode? diagnostic in diagnostics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{diagnostic?["Kind"]}] {diagnostic?["Message"]}");
        }

        return text.ToString().TrimEnd();
    }

    private static string Kind(JsonNode? type) => type?.GetValue<string>() switch
    {
        "ACCOUNT" => "account",
        "ORGANIZATIONAL_UNIT" => "OU",
        _ => "root",
    };
}
