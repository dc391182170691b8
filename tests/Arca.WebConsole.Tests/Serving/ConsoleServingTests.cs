using System.Net;
using Arca.WebConsole.Internal;

namespace Arca.WebConsole.Tests.Serving;

/// <summary>
/// The console on the real server's one listener: pages and assets without SigV4, under a strict content security
/// policy; nothing else under /console, and every API path still refused without a signature.
/// </summary>
public sealed class ConsoleServingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Uri Url(string path) => new(fixture.Server.Endpoint, path);

    [Fact]
    public async Task The_shell_is_served_unsigned_with_a_strict_content_security_policy_and_the_served_regions()
    {
        using HttpResponseMessage response = await fixture.Http.GetAsync(Url("/console/"));
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(ConsoleMiddleware.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("""<meta name="arca-regions" content="us-east-1,eu-west-1">""", html, StringComparison.Ordinal);
        Assert.Contains("""<script type="module" src="js/app.js"></script>""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_embedded_file_is_served_with_its_content_type()
    {
        var assets = new ConsoleAssets(["us-east-1"]);
        Assert.Contains("js/sigv4.js", assets.Paths);
        foreach (string path in assets.Paths)
        {
            using HttpResponseMessage response = await fixture.Http.GetAsync(Url("/console/" + path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, path);
            string expected = Path.GetExtension(path) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".html" => "text/html; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => throw new InvalidOperationException($"no expected type for {path}"),
            };
            Assert.Equal(expected, response.Content.Headers.ContentType?.ToString());
        }
    }

    [Fact]
    public async Task The_bare_prefix_redirects_to_the_shell_and_an_unknown_file_is_a_plain_404()
    {
        using HttpResponseMessage bare = await fixture.Http.GetAsync(Url("/console"));
        using HttpResponseMessage unknown = await fixture.Http.GetAsync(Url("/console/js/nope.js"));
        using HttpResponseMessage escape = await fixture.Http.GetAsync(Url("/console/%2E%2E/credentials"));

        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal("/console/", bare.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", unknown.Content.Headers.ContentType?.ToString());
        Assert.False(unknown.Headers.Contains("x-amzn-RequestId"), "the AWS edge must not see console paths");
        Assert.NotEqual(HttpStatusCode.OK, escape.StatusCode);
    }

    [Fact]
    public async Task Only_get_and_head_are_answered_under_the_prefix()
    {
        using HttpResponseMessage post = await fixture.Http.PostAsync(Url("/console/"), new StringContent("x"));
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, Url("/console/js/app.js"));
        using HttpResponseMessage head = await fixture.Http.SendAsync(headRequest);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal("GET, HEAD", post.Content.Headers.Allow.Count > 0 ? string.Join(", ", post.Content.Headers.Allow) : string.Join(", ", post.Headers.GetValues("Allow")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_known_etag_revalidates_with_304()
    {
        using HttpResponseMessage first = await fixture.Http.GetAsync(Url("/console/console.css"));
        using var again = new HttpRequestMessage(HttpMethod.Get, Url("/console/console.css"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using HttpResponseMessage second = await fixture.Http.SendAsync(again);

        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task The_api_still_refuses_unsigned_requests_and_health_still_answers()
    {
        using HttpResponseMessage vaults = await fixture.Http.GetAsync(Url("/backup-vaults/"));
        using HttpResponseMessage consoleLookalike = await fixture.Http.GetAsync(Url("/consoles/"));
        using HttpResponseMessage health = await fixture.Http.GetAsync(Url("/health"));

        Assert.Equal(HttpStatusCode.Forbidden, vaults.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", Assert.Single(vaults.Headers.GetValues("x-amzn-ErrorType")));
        Assert.True(consoleLookalike.Headers.Contains("x-amzn-ErrorType"), "a path that only starts like the prefix belongs to the edge");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
