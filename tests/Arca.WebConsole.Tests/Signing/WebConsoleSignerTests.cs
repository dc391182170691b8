using System.Text;
using System.Text.Json;
using Arca.Api.Auth;
using Arca.WebConsole.Tests.Infrastructure;

namespace Arca.WebConsole.Tests.Signing;

/// <summary>
/// The console's JavaScript SigV4 signer (src/Arca.WebConsole/wwwroot/js/sigv4.js), run by node: AWS's known-answer
/// vectors (js/sigv4.test.mjs), and the requests the console sends signed by it and by Arca's C# <see cref="SigV4Signer"/>
/// — the server's reference — with identical results, which <see cref="SigV4Verifier"/> accepts.
/// </summary>
public sealed class WebConsoleSignerTests
{
    private const string KeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Host = "127.0.0.1:7480";
    private static readonly DateTimeOffset Time = new(2026, 11, 26, 8, 33, 12, TimeSpan.Zero);

    private static readonly SigningCase[] Cases =
    [
        new("a label holding an ARN (double encoding)", "GET",
            "/backup-vaults/cabvault/recovery-points/arn%3Aaws%3Abackup%3Aus-east-1%3A123456789012%3Arecovery-point%3Aa1b2/restore-metadata?backupVaultAccountId=123456789012",
            [], string.Empty, "backup"),
        new("a list with every filter, * and a timestamp in the query", "GET",
            "/backup-jobs/?accountId=%2A&state=FAILED&resourceType=Directory&createdAfter=2026-11-19T08%3A33%3A12Z&maxResults=1000&nextToken=abc%2Bdef%3D%3D",
            [], string.Empty, "backup"),
        new("an organization-managed plan id with a slash", "GET", "/backup/plans/orgs%2F3f2a/?MaxScheduledRunsPreview=5", [], string.Empty, "backup"),
        new("a label outside ASCII", "GET", "/backup-vaults/%C3%A9t%C3%A9/access-policy", [], string.Empty, "backup"),
        new("a restJson body", "PUT", "/copy-jobs",
            [["content-type", "application/json"]],
            """{"RecoveryPointArn":"arn:aws:backup:eu-west-1:210987654321:recovery-point:x","SourceBackupVaultName":"cabvault","DestinationBackupVaultArn":"arn:aws:backup:us-east-1:123456789012:backup-vault:cabvault","IamRoleArn":"arn:aws:iam::210987654321:role/cabrole","IdempotencyToken":"7a0c…é"}""",
            "backup"),
        new("an awsJson call with its target", "POST", "/",
            [["content-type", "application/x-amz-json-1.1"], ["x-amz-target", "AWSOrganizationsV20161128.ListAccounts"]], """{"NextToken":null}""", "organizations"),
        new("the provenance extension", "POST", "/",
            [["content-type", "application/x-amz-json-1.1"], ["x-amz-target", "ArcaOrganizations.DescribeEffectivePolicyProvenance"]], """{"TargetId":"123456789012"}""", "organizations"),
        new("an awsQuery call with a session token", "POST", "/",
            [["content-type", "application/x-www-form-urlencoded; charset=utf-8"]], "Action=GetCallerIdentity&Version=2011-06-15", "sts", "ArcA+token/with=base64+chars"),
        new("a header value with runs of white space", "POST", "/",
            [["content-type", "  application/x-amz-json-1.1   "], ["x-amz-target", "TrentService.DescribeKey"]], """{"KeyId":"alias/aws/backup"}""", "kms"),
    ];

    [NodeFact]
    public async Task The_js_signer_passes_AWSs_suite_and_its_unit_tests()
    {
        Tools.Result result = await Tools.RunAsync("node", ["--test", Path.Combine(Repository.JsTests, "sigv4.test.mjs")]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("# fail 0", result.Stdout, StringComparison.Ordinal);
    }

    [NodeFact]
    public async Task The_js_signer_signs_the_consoles_requests_exactly_as_the_servers_signer()
    {
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> signedByJs = await SignWithJsAsync();
        var signer = new SigV4Signer();
        for (int i = 0; i < Cases.Length; i++)
        {
            SigningCase c = Cases[i];
            SigV4Request signedByCs = signer.Sign(Request(c, []), new SigV4SigningParameters(KeyId, Secret, "eu-west-1", c.Service, Time) { SessionToken = c.SessionToken });
            foreach (string name in new[] { "Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token" })
            {
                string? js = signedByJs[i].Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
                Assert.True(signedByCs.HeaderValues(name).SingleOrDefault() == js, $"{c.Name}: {name} differs:\n  C#: {signedByCs.HeaderValues(name).SingleOrDefault()}\n  JS: {js}");
            }
        }
    }

    [NodeFact]
    public async Task The_server_verifies_what_the_js_signer_signed_and_refuses_it_once_tampered()
    {
        IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> signedByJs = await SignWithJsAsync();
        var verifier = new SigV4Verifier();
        for (int i = 0; i < Cases.Length; i++)
        {
            SigningCase c = Cases[i];
            SigV4SecretCredential? Lookup(string keyId) => keyId == KeyId ? new SigV4SecretCredential(Secret, c.SessionToken) : null;

            SigV4VerificationResult accepted = verifier.Verify(Request(c, signedByJs[i]), Time.AddSeconds(30), Lookup);
            SigV4VerificationResult tampered = verifier.Verify(Request(c with { Target = c.Target.Replace("a", "b", StringComparison.Ordinal) + (c.Target.Contains('?', StringComparison.Ordinal) ? "&x=1" : "?x=1") }, signedByJs[i]), Time, Lookup);

            Assert.True(accepted.IsAuthenticated, $"{c.Name}: {accepted.Failure?.Message}");
            Assert.False(tampered.IsAuthenticated, c.Name);
        }
    }

    /// <summary>The case as sent: its headers plus Host (the browser adds it), plus <paramref name="signed"/> (replacing the case's own).</summary>
    private static SigV4Request Request(SigningCase c, IReadOnlyList<KeyValuePair<string, string>> signed)
    {
        List<KeyValuePair<string, string>> headers = signed.Count > 0
            ? [.. signed]
            : [new("Host", Host), .. c.Headers.Select(h => new KeyValuePair<string, string>(h[0], h[1]))];
        return new SigV4Request(c.Method, c.Target, headers, Encoding.UTF8.GetBytes(c.Body));
    }

    private static async Task<IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>>> SignWithJsAsync()
    {
        string input = JsonSerializer.Serialize(Cases.Select(c => new
        {
            method = c.Method,
            target = c.Target,
            headers = (string[][])[["host", Host], .. c.Headers],
            body = c.Body,
            accessKeyId = KeyId,
            secretAccessKey = Secret,
            sessionToken = c.SessionToken,
            region = "eu-west-1",
            service = c.Service,
            time = Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }));
        Tools.Result result = await Tools.RunAsync("node", [Path.Combine(Repository.JsTests, "sign-cases.mjs")], input);
        Assert.True(result.ExitCode == 0, result.ToString());
        return [.. JsonSerializer.Deserialize<string[][][]>(result.Stdout)!
            .Select(pairs => (IReadOnlyList<KeyValuePair<string, string>>)[.. pairs.Select(p => new KeyValuePair<string, string>(p[0], p[1]))])];
    }
}
