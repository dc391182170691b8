using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Cli.Client;

namespace Arca.Cli.Resource;

/// <summary>What every <c>arca resource</c> command shares: the client options, --json, the server call and error reporting.</summary>
internal static class ResourceCommandBase
{
    public static readonly Option<bool> Json = new("--json") { Description = "Write the server's JSON answer (errors as {\"error\": …})." };

    public static readonly Argument<string> ResourceArn = new("ARN") { Description = "The resource's ARN, e.g. arn:aws:arca:us-east-1:111111111111:directory/web." };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Adds --profile, --region, --endpoint-url and --json.</summary>
    public static Command WithClientOptions(Command command)
    {
        AwsClientOptions.AddTo(command);
        command.Options.Add(Json);
        return command;
    }

    /// <summary>Runs a command body with a client for the resolved settings; every expected failure is one line and exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<BackupServiceClient, Task<int>> body)
    {
        try
        {
            using var client = new BackupServiceClient(AwsClientSettingsResolver.ResolveFromProcess(AwsClientOptions.Of(parse)));
            return await body(client).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ServiceCallException or AwsClientConfigurationException or ArgumentException or IOException)
        {
            if (parse.GetValue(Json))
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

    /// <summary>The path of a resource: <c>/arca/resources/{arn}</c> with the ARN percent-encoded.</summary>
    public static string ResourcePath(string arn) => "/arca/resources/" + Uri.EscapeDataString(arn);

    public static void WriteJson(JsonNode node) => Console.Out.WriteLine(node.ToJsonString(Indented));

    /// <summary>Parses <c>k=v,k2=v2</c> (a value may contain '=', not ','); <paramref name="option"/> names the option in errors.</summary>
    public static Dictionary<string, string> ParseTags(string? text, string option)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"{option}: '{pair}' is not KEY=VALUE");
            }

            tags[pair[..eq]] = pair[(eq + 1)..];
        }

        return tags;
    }

    /// <summary>A JSON object of <paramref name="tags"/>.</summary>
    public static JsonObject TagObject(Dictionary<string, string> tags) => new(tags.Select(t => new KeyValuePair<string, JsonNode?>(t.Key, t.Value)));
}
