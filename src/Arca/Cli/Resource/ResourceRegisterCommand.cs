using System.CommandLine;
using System.Text.Json.Nodes;
using static Arca.Cli.Resource.ResourceCommandBase;

namespace Arca.Cli.Resource;

/// <summary>
/// <c>arca resource register --type TYPE --name NAME (--path PATH | --connection-string CS) [--tags k=v,…]</c>: adds a
/// resource to the account's inventory in the region and prints its ARN. <c>--connection-string -</c> reads it from
/// standard input, so the password stays off the command line.
/// </summary>
internal static class ResourceRegisterCommand
{
    private static readonly Option<string> Type = new("--type") { Description = "Directory, SQLite or PostgreSQL.", Required = true };

    private static readonly Option<string> Name = new("--name") { Description = "The resource's name (1-128 of A-Z a-z 0-9 - _ .), the last part of its ARN.", Required = true };

    private static readonly Option<string?> PathOption = new("--path") { Description = "Directory or SQLite: the absolute path of the directory or database file." };

    private static readonly Option<string?> ConnectionString = new("--connection-string")
    {
        Description = "PostgreSQL: an Npgsql connection string; '-' reads it from standard input.",
    };

    private static readonly Option<string?> Tags = new("--tags") { Description = "Tags as KEY=VALUE pairs separated by commas." };

    public static Command Create()
    {
        var command = WithClientOptions(new Command("register", "Register a directory, SQLite database or PostgreSQL database for backup.")
        {
            Type, Name, PathOption, ConnectionString, Tags,
        });
        command.SetAction((parse, ct) => RunAsync(parse, async client =>
        {
            string? connectionString = parse.GetValue(ConnectionString);
            if (connectionString == "-")
            {
                connectionString = (await Console.In.ReadToEndAsync(ct).ConfigureAwait(false)).TrimEnd('\r', '\n');
            }

            var body = new JsonObject
            {
                ["Type"] = parse.GetValue(Type),
                ["Name"] = parse.GetValue(Name),
                ["Path"] = parse.GetValue(PathOption) is { } path ? Path.GetFullPath(path) : null,
                ["ConnectionString"] = connectionString,
                ["Tags"] = TagObject(ParseTags(parse.GetValue(Tags), "--tags")),
            };
            JsonObject answer = await client.SendAsync("PUT", "/arca/resources", body.ToJsonString(), ct).ConfigureAwait(false);
            if (parse.GetValue(Json))
            {
                WriteJson(answer);
            }
            else
            {
                Console.Out.WriteLine(answer["ResourceArn"]?.GetValue<string>());
            }

            return 0;
        }));
        return command;
    }
}
