using System.CommandLine;

namespace Arca.Cli.Client;

/// <summary>The options every <c>arca</c> client command takes, as the AWS CLI names them.</summary>
internal static class AwsClientOptions
{
    public static readonly Option<string?> Profile = new("--profile") { Description = "Profile from the shared credentials and config files." };

    public static readonly Option<string?> Region = new("--region") { Description = "Region to sign requests for." };

    public static readonly Option<string?> EndpointUrl = new("--endpoint-url") { Description = "The Arca server's URL, e.g. http://127.0.0.1:7480." };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public static Command AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Profile);
        command.Options.Add(Region);
        command.Options.Add(EndpointUrl);
        return command;
    }

    /// <summary>The arguments as parsed.</summary>
    public static AwsClientArguments Of(ParseResult parse) =>
        new(parse.GetValue(Profile), parse.GetValue(Region), parse.GetValue(EndpointUrl));
}
