using System.Diagnostics;

using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// The real AWS CLI sends one request to a listener on 127.0.0.1; the captured request must verify.
/// Skipped where /usr/bin/aws is absent (CI installs the Debian awscli package).
/// </summary>
public sealed class AwsCliLiveTests
{
    private const string KeyId = "AKIDARCALIVETEST";
    private const string Secret = "arcaLiveSecret/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Token = "arca/live+session=token";

    [AwsCliFact]
    public async Task Cli_request_with_an_arn_path_label_and_a_session_token_verifies()
    {
        using CapturingHttpServer server = CapturingHttpServer.Start("{}", "application/json");

        await RunCliAsync(server.Port, Token, "backup", "list-tags", "--resource-arn", "arn:aws:ec2:us-east-1:111111111111:volume/vol-1");

        SigV4Request captured = Assert.Single(server.Requests);
        Assert.Equal("/tags/arn%3Aaws%3Aec2%3Aus-east-1%3A111111111111%3Avolume%2Fvol-1/", captured.RawTarget);
        SigV4VerificationResult result = new SigV4Verifier().Verify(captured, TimeProvider.System.GetUtcNow(), Lookup(Token));
        Assert.True(result.IsAuthenticated, result.Failure?.Message);
        Assert.Equal((KeyId, "eu-west-1", "backup", Token), (result.Identity.AccessKeyId, result.Identity.Region, result.Identity.Service, result.Identity.SessionToken));
    }

    [AwsCliFact]
    public async Task Cli_sts_form_post_verifies_and_fails_with_another_secret()
    {
        const string Response = "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::111111111111:root</Arn><UserId>111111111111</UserId><Account>111111111111</Account>"
            + "</GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>";
        using CapturingHttpServer server = CapturingHttpServer.Start(Response, "text/xml");

        await RunCliAsync(server.Port, null, "sts", "get-caller-identity");

        SigV4Request captured = Assert.Single(server.Requests);
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        var verifier = new SigV4Verifier();
        Assert.True(verifier.Verify(captured, now, Lookup(null)).IsAuthenticated);
        SigV4VerificationResult wrong = verifier.Verify(captured, now, _ => new SigV4SecretCredential(Secret + "x"));
        Assert.Equal(("SignatureDoesNotMatch", 403), (wrong.Error?.Code, wrong.Error?.HttpStatus));
    }

    /// <summary>Fixed credentials, no profile, proxy or retries from the machine's environment.</summary>
    private static void SetEnvironment(ProcessStartInfo start, string? token)
    {
        foreach (string name in start.Environment.Keys.Where(static k => k.StartsWith("AWS_", StringComparison.Ordinal)
            || k.Contains("proxy", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = KeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Secret;
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/arca-test/config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/arca-test/credentials";
        start.Environment["AWS_PAGER"] = string.Empty;
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        if (token is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = token;
        }
    }

    private static SigV4CredentialLookup Lookup(string? token) =>
        key => key == KeyId ? new SigV4SecretCredential(Secret, token) : null;

    private static async Task RunCliAsync(int port, string? token, params string[] arguments)
    {
        var start = new ProcessStartInfo(AwsCliFactAttribute.CliPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string argument in new[] { "--endpoint-url", $"http://127.0.0.1:{port}", "--region", "eu-west-1", "--output", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        SetEnvironment(start, token);

        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"aws exited with {process.ExitCode}: {await error}{await output}");
    }
}
