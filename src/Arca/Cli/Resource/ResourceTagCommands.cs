using System.CommandLine;
using System.Text.Json.Nodes;
using static Arca.Cli.Resource.ResourceCommandBase;

namespace Arca.Cli.Resource;

/// <summary><c>arca resource tag ARN --tags k=v,…</c>, <c>arca resource untag ARN --tag-keys k,…</c>, <c>arca resource deregister ARN</c>.</summary>
internal static class ResourceTagCommands
{
    private static readonly Option<string> Tags = new("--tags") { Description = "Tags to add or replace, KEY=VALUE pairs separated by commas.", Required = true };

    private static readonly Option<string> TagKeys = new("--tag-keys") { Description = "Tag keys to remove, separated by commas.", Required = true };

    public static Command CreateTag()
    {
        var command = WithClientOptions(new Command("tag", "Add or replace tags of a resource (tag selections match them).") { ResourceArn, Tags });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
        {
            var body = new JsonObject { ["Tags"] = TagObject(ParseTags(parse.GetValue(Tags), "--tags")) };
            return Done(parse, await client.SendAsync("POST", "/tags/" + Uri.EscapeDataString(parse.GetValue(ResourceArn)!), body.ToJsonString(), ct).ConfigureAwait(false));
        }));
        return command;
    }

    public static Command CreateUntag()
    {
        var command = WithClientOptions(new Command("untag", "Remove tags from a resource.") { ResourceArn, TagKeys });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
        {
            string[] keys = parse.GetValue(TagKeys)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var body = new JsonObject { ["TagKeyList"] = new JsonArray([.. keys.Select(k => JsonValue.Create(k))]) };
            return Done(parse, await client.SendAsync("POST", "/untag/" + Uri.EscapeDataString(parse.GetValue(ResourceArn)!), body.ToJsonString(), ct).ConfigureAwait(false));
        }));
        return command;
    }

    public static Command CreateDeregister()
    {
        var command = WithClientOptions(new Command("deregister", "Remove a resource from the inventory (its recovery points stay).") { ResourceArn });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
            Done(parse, await client.SendAsync("DELETE", ResourcePath(parse.GetValue(ResourceArn)!), null, ct).ConfigureAwait(false))));
        return command;
    }

    private static int Done(ParseResult parse, JsonObject answer)
    {
        if (parse.GetValue(Json))
        {
            WriteJson(answer);
        }

        return 0;
    }
}
