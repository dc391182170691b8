namespace Arca.Cli.Client;

/// <summary>What the command line said: <c>--profile</c>, <c>--region</c>, <c>--endpoint-url</c> (null when absent).</summary>
public sealed record AwsClientArguments(string? Profile = null, string? Region = null, string? EndpointUrl = null);
