using System.CommandLine;
using System.Text.Json.Nodes;
using static Arca.Cli.Resource.ResourceCommandBase;

namespace Arca.Cli.Resource;

/// <summary><c>arca resource list [--type TYPE]</c>: the account's resources in the region, every page.</summary>
internal static class ResourceListCommand
{
    private static readonly Option<string?> Type = new("--type") { Description = "Only resources of this type." };

    public static Command Create()
    {
        var command = WithClientOptions(new Command("list", "List the registered resources.") { Type });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
        {
            var resources = new JsonArray();
            string? token = null;
            do
            {
                var query = new List<string>();
                if (parse.GetValue(Type) is { } type)
                {
                    query.Add("resourceType=" + Uri.EscapeDataString(type));
                }

                if (token is not null)
                {
                    query.Add("nextToken=" + Uri.EscapeDataString(token));
                }

                JsonObject page = await client.SendAsync("GET", "/arca/resources" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty), null, ct)
                    .ConfigureAwait(false);
                foreach (JsonNode? resource in page["Resources"]?.AsArray() ?? [])
                {
                    resources.Add(resource?.DeepClone());
                }

                token = page["NextToken"]?.GetValue<string>();
            }
            while (token is not null);

            if (parse.GetValue(Json))
            {
                WriteJson(new JsonObject { ["Resources"] = resources });
                return 0;
            }

            foreach (JsonNode? resource in resources)
            {
                string tags = string.Join(',', resource!["Tags"]?.AsObject().Select(t => $"{t.Key}={t.Value}") ?? []);
                Console.Out.WriteLine($"{resource["ResourceArn"]}\t{resource["ResourceType"]}\t{tags}");
            }

            Console.Out.WriteLine($"{resources.Count} resources");
            return 0;
        }));
        return command;
    }
}
