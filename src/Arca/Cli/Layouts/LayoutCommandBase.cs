using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arca.Cli.Client;
using Arca.Cli.Organizations;

namespace Arca.Cli.Layouts;

/// <summary>
/// What <c>arca apply</c> and <c>arca destroy</c> share: the options, reading the file (sent as text: the server parses it, so its
/// errors name the file, line and field), calling the <c>ArcaLayouts</c> extension, and the error conventions of client commands
/// (<c>arca: error: (Code) message</c>, exit 1; <c>{"error": …}</c> on stdout with <c>--json</c>).
/// </summary>
internal static class LayoutCommandBase
{
    /// <summary>How long one call may take: an apply across many accounts and regions is slow.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromMinutes(30);

    public static readonly Option<FileInfo> File = new("--file", "-f") { Description = "The layout file (YAML).", Required = true };

    public static readonly Option<bool> DryRun = new("--dry-run") { Description = "Show the plan of changes and stop." };

    public static readonly Option<bool> Json = new("--json") { Description = "Write {\"Plan\": …, \"Apply\"/\"Destroy\": …} as JSON (errors as {\"error\": …})." };

    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs <paramref name="body"/> with a client and the file's text; maps failures to the client-command conventions.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<OrganizationsClient, string, string, Task<int>> body, CancellationToken cancellationToken)
    {
        bool json = parse.GetValue(Json);
        try
        {
            FileInfo file = parse.GetValue(File)!;
            string text;
            try
            {
                text = await System.IO.File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"cannot read the layout file {parse.GetResult(File)?.Tokens.FirstOrDefault()?.Value ?? file.FullName}: {e.Message}", e);
            }

            string fileName = parse.GetResult(File)?.Tokens.FirstOrDefault()?.Value ?? file.Name;
            using var client = new OrganizationsClient(AwsClientSettingsResolver.ResolveFromProcess(AwsClientOptions.Of(parse)), CallTimeout);
            return await body(client, text, fileName).ConfigureAwait(false);
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

    /// <summary>Writes the JSON document of a run: the plan and what was done (null with --dry-run).</summary>
    public static void WriteJson(string doneName, JsonObject plan, JsonObject? done) =>
        Console.Out.WriteLine(new JsonObject { ["Plan"] = plan.DeepClone(), [doneName] = done?.DeepClone() }.ToJsonString(Indented));
}
