using System.CommandLine;
using System.Text.Json.Nodes;
using static Arca.Cli.Resource.ResourceCommandBase;

namespace Arca.Cli.Resource;

/// <summary><c>arca resource describe ARN</c>: one resource (a connection string is shown without its password).</summary>
internal static class ResourceDescribeCommand
{
    public static Command Create()
    {
        var command = WithClientOptions(new Command("describe", "Show a registered resource.") { ResourceArn });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
        {
            JsonObject resource = await client.SendAsync("GET", ResourcePath(parse.GetValue(ResourceArn)!), null, ct).ConfigureAwait(false);
            if (parse.GetValue(Json))
            {
                WriteJson(resource);
                return 0;
            }

            foreach ((string key, JsonNode? value) in resource)
            {
                string text = value is JsonObject tags ? string.Join(',', tags.Select(t => $"{t.Key}={t.Value}")) : value?.ToString() ?? string.Empty;
                Console.Out.WriteLine($"{key}: {text}");
            }

            return 0;
        }));
        return command;
    }
}
