using Arca.Cli.Client;

namespace Arca.Tests.Cli.Client;

public sealed class AwsClientSettingsResolverTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("arca-home-").FullName;

    public AwsClientSettingsResolverTests()
    {
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        File.WriteAllText(Path.Combine(_home, ".aws", "credentials"), """
            [default]
            aws_access_key_id = AKIADEFAULT
            aws_secret_access_key = default-secret

            [management]
            aws_access_key_id = AKIAMANAGEMENT
            aws_secret_access_key = management-secret
            aws_session_token = management-token
            """);
        File.WriteAllText(Path.Combine(_home, ".aws", "config"), """
            [default]
            region = us-east-1
            endpoint_url = http://127.0.0.1:7480

            [profile management]
            region = eu-west-1

            # a profile that only lives in the config file
            [profile configured]
            aws_access_key_id = AKIACONFIGURED
            aws_secret_access_key = configured-secret
            region = ap-south-1
            """);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void Without_anything_the_default_profile_is_used()
    {
        AwsClientSettings settings = Resolve(new());
        Assert.Equal(("AKIADEFAULT", "default-secret", "us-east-1", "default"), (settings.Credentials.AccessKeyId, settings.Credentials.SecretAccessKey, settings.Region, settings.Profile));
        Assert.Equal(new Uri("http://127.0.0.1:7480"), settings.EndpointUrl);
    }

    [Fact]
    public void A_profile_from_the_command_line_wins_over_environment_keys()
    {
        AwsClientSettings settings = Resolve(new(Profile: "management"), ("AWS_ACCESS_KEY_ID", "AKIAENV"), ("AWS_SECRET_ACCESS_KEY", "env"));
        Assert.Equal(("AKIAMANAGEMENT", "management-token", "eu-west-1"), (settings.Credentials.AccessKeyId, settings.Credentials.SessionToken, settings.Region));
        Assert.Null(settings.EndpointUrl);
    }

    [Fact]
    public void Environment_keys_win_over_the_environment_profile()
    {
        AwsClientSettings settings = Resolve(new(), ("AWS_PROFILE", "management"), ("AWS_ACCESS_KEY_ID", "AKIAENV"), ("AWS_SECRET_ACCESS_KEY", "env"), ("AWS_SESSION_TOKEN", "tok"));
        Assert.Equal(("AKIAENV", "env", "tok", (string?)null), (settings.Credentials.AccessKeyId, settings.Credentials.SecretAccessKey, settings.Credentials.SessionToken, settings.Profile));
        Assert.Equal("eu-west-1", settings.Region);
    }

    [Fact]
    public void AWS_PROFILE_selects_a_profile_and_config_only_profiles_work()
    {
        Assert.Equal("AKIAMANAGEMENT", Resolve(new(), ("AWS_PROFILE", "management")).Credentials.AccessKeyId);
        AwsClientSettings configured = Resolve(new(Profile: "configured"));
        Assert.Equal(("AKIACONFIGURED", "ap-south-1"), (configured.Credentials.AccessKeyId, configured.Region));
    }

    [Fact]
    public void Region_and_endpoint_follow_flag_then_environment_then_profile()
    {
        Assert.Equal("sa-east-1", Resolve(new(Region: "sa-east-1"), ("AWS_REGION", "ca-central-1")).Region);
        Assert.Equal("ca-central-1", Resolve(new(), ("AWS_REGION", "ca-central-1"), ("AWS_DEFAULT_REGION", "eu-north-1")).Region);
        Assert.Equal("eu-north-1", Resolve(new(), ("AWS_DEFAULT_REGION", "eu-north-1")).Region);
        Assert.Equal(new Uri("http://h:1"), Resolve(new(EndpointUrl: "http://h:1"), ("AWS_ENDPOINT_URL", "http://e:2")).EndpointUrl);
        Assert.Equal(new Uri("http://e:2"), Resolve(new(), ("AWS_ENDPOINT_URL", "http://e:2")).EndpointUrl);
    }

    [Fact]
    public void Other_files_are_used_when_named_by_the_environment()
    {
        string credentials = Path.Combine(_home, "other-credentials");
        File.WriteAllText(credentials, "[default]\naws_access_key_id=AKIAOTHER\naws_secret_access_key=o\n");
        AwsClientSettings settings = Resolve(new(), ("AWS_SHARED_CREDENTIALS_FILE", credentials), ("AWS_CONFIG_FILE", Path.Combine(_home, "none")), ("AWS_REGION", "us-west-2"));
        Assert.Equal(("AKIAOTHER", "us-west-2", (Uri?)null), (settings.Credentials.AccessKeyId, settings.Region, settings.EndpointUrl));
    }

    [Theory]
    [InlineData("nope", null, null, "'nope'")]
    [InlineData(null, null, "ftp://x", "ftp://x")]
    public void Unusable_settings_fail_with_a_message_saying_what_to_set(string? profile, string? region, string? endpoint, string expected)
    {
        var e = Assert.Throws<AwsClientConfigurationException>(() => Resolve(new(profile, region, endpoint)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_credentials_and_region_are_explained()
    {
        string empty = Path.Combine(_home, "empty");
        Assert.Contains("No credentials", Assert.Throws<AwsClientConfigurationException>(() =>
            Resolve(new(), ("AWS_SHARED_CREDENTIALS_FILE", empty), ("AWS_CONFIG_FILE", empty))).Message);
        Assert.Contains("No region", Assert.Throws<AwsClientConfigurationException>(() =>
            Resolve(new(), ("AWS_CONFIG_FILE", empty))).Message);
    }

    [Fact]
    public void Credentials_print_without_their_secret() =>
        Assert.DoesNotContain("management-secret", Resolve(new(Profile: "management")).ToString());

    private AwsClientSettings Resolve(AwsClientArguments arguments, params (string Name, string Value)[] environment) =>
        AwsClientSettingsResolver.Resolve(arguments, environment.ToDictionary(e => e.Name, e => (string?)e.Value), _home);
}
