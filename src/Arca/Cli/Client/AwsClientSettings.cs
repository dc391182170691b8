using Arca.Api.Client;

namespace Arca.Cli.Client;

/// <summary>Where and as whom an <c>arca</c> client command talks to a server, resolved by <see cref="AwsClientSettingsResolver"/>.</summary>
/// <param name="Credentials">The key pair (and session token) to sign with.</param>
/// <param name="Region">The region requests are signed for.</param>
/// <param name="EndpointUrl">The server's URL, or null when none is configured.</param>
/// <param name="Profile">The profile the settings came from, or null when they came from the environment alone.</param>
public sealed record AwsClientSettings(AwsCredentials Credentials, string Region, Uri? EndpointUrl, string? Profile);
