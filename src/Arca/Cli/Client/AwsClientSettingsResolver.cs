using Arca.Api.Client;

namespace Arca.Cli.Client;

/// <summary>
/// Resolves client settings the way the AWS CLI does, so one set of profiles and variables serves both.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Credentials: <c>--profile</c> wins; else <c>AWS_ACCESS_KEY_ID</c> + <c>AWS_SECRET_ACCESS_KEY</c>
/// (+ <c>AWS_SESSION_TOKEN</c>); else the profile <c>AWS_PROFILE</c> or <c>default</c>, from the credentials file
/// (<c>AWS_SHARED_CREDENTIALS_FILE</c>, default <c>~/.aws/credentials</c>) and then the config file
/// (<c>AWS_CONFIG_FILE</c>, default <c>~/.aws/config</c>).</item>
/// <item>Region: <c>--region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's <c>region</c>.</item>
/// <item>Endpoint: <c>--endpoint-url</c>, <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>; null when none.</item>
/// </list>
/// Pure: the environment and home directory come in as arguments.
/// </remarks>
public static class AwsClientSettingsResolver
{
    /// <exception cref="AwsClientConfigurationException">No credentials, an unknown profile, no region, or a malformed endpoint URL.</exception>
    public static AwsClientSettings Resolve(AwsClientArguments arguments, IReadOnlyDictionary<string, string?> environment, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        string? Env(string name) => environment.TryGetValue(name, out string? v) && !string.IsNullOrEmpty(v) ? v : null;

        SharedConfigFile credentialsFile = SharedConfigFile.Load(Env("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(homeDirectory, ".aws", "credentials"));
        SharedConfigFile configFile = SharedConfigFile.Load(Env("AWS_CONFIG_FILE") ?? Path.Combine(homeDirectory, ".aws", "config"));
        string profile = arguments.Profile ?? Env("AWS_PROFILE") ?? "default";
        string configSection = profile == "default" ? "default" : "profile " + profile;
        string? FromProfile(string key) => credentialsFile.Get(profile, key) ?? configFile.Get(configSection, key);

        bool explicitProfile = arguments.Profile is not null;
        if (explicitProfile && !credentialsFile.Has(profile) && !configFile.Has(configSection))
        {
            throw new AwsClientConfigurationException($"The profile '{profile}' is in neither the credentials file nor the config file.");
        }

        AwsCredentials? credentials = null;
        string? source = profile;
        if (!explicitProfile && Env("AWS_ACCESS_KEY_ID") is { } envKey && Env("AWS_SECRET_ACCESS_KEY") is { } envSecret)
        {
            credentials = new AwsCredentials(envKey, envSecret, Env("AWS_SESSION_TOKEN"));
            source = null;
        }
        else if (FromProfile("aws_access_key_id") is { } key && FromProfile("aws_secret_access_key") is { } secret)
        {
            credentials = new AwsCredentials(key, secret, FromProfile("aws_session_token"));
        }

        if (credentials is null)
        {
            throw new AwsClientConfigurationException(
                $"No credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or give a profile (--profile, AWS_PROFILE) with aws_access_key_id and aws_secret_access_key (profile '{profile}' has none).");
        }

        string region = arguments.Region ?? Env("AWS_REGION") ?? Env("AWS_DEFAULT_REGION") ?? configFile.Get(configSection, "region")
            ?? throw new AwsClientConfigurationException("No region: give --region, set AWS_REGION or AWS_DEFAULT_REGION, or set region in the profile.");

        string? endpoint = arguments.EndpointUrl ?? Env("AWS_ENDPOINT_URL") ?? configFile.Get(configSection, "endpoint_url");
        Uri? endpointUrl = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUrl) || (endpointUrl.Scheme != Uri.UriSchemeHttp && endpointUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new AwsClientConfigurationException($"The endpoint URL '{endpoint}' must be an absolute http:// or https:// URL.");
        }

        return new AwsClientSettings(credentials, region, endpointUrl, source);
    }

    /// <summary>Resolves against this process's environment and home directory.</summary>
    public static AwsClientSettings ResolveFromProcess(AwsClientArguments arguments)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return Resolve(arguments, environment, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));
    }
}
