using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4CanonicalizerTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/backup-vaults/cabvault", "/backup-vaults/cabvault")]
    [InlineData("/backup-jobs/", "/backup-jobs/")]
    [InlineData("/tags/arn%3Aaws%3Aec2%3A%3Avolume%2Fvol-1/", "/tags/arn%253Aaws%253Aec2%253A%253Avolume%252Fvol-1/")]
    [InlineData("/a%20b/c+d", "/a%2520b/c%2Bd")]
    [InlineData("/a:b/c@d", "/a%3Ab/c%40d")]
    [InlineData("/%7e", "/%257e")]
    [InlineData("/a/./b/../c", "/a/c")]
    [InlineData("/a/b/..", "/a")]
    [InlineData("/../../a", "/a")]
    [InlineData("//a//b//", "/a/b/")]
    [InlineData("/%2E%2E/a", "/%252E%252E/a")]
    [InlineData("/\u00e9", "/%C3%A9")]
    public void Standard_uri_is_normalized_then_encoded_again(string rawPath, string expected)
    {
        Assert.Equal(expected, SigV4Canonicalizer.CanonicalUri(rawPath, SigV4Flavor.Standard));
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/bucket/key", "/bucket/key")]
    [InlineData("/bucket/a%2Fb", "/bucket/a%2Fb")]
    [InlineData("/bucket/a%2fb%7e", "/bucket/a%2Fb~")]
    [InlineData("/bucket/a b+c", "/bucket/a%20b%2Bc")]
    [InlineData("/bucket//x/../y/.", "/bucket//x/../y/.")]
    [InlineData("/bucket/100%", "/bucket/100%25")]
    public void S3_uri_is_encoded_once_without_normalization(string rawPath, string expected)
    {
        Assert.Equal(expected, SigV4Canonicalizer.CanonicalUri(rawPath, SigV4Flavor.S3));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1", "a=1&b=2")]
    [InlineData("a=2&a=1&a=10", "a=1&a=10&a=2")]
    [InlineData("flag&a=", "a=&flag=")]
    [InlineData("a=1&&b=2&", "a=1&b=2")]
    [InlineData("k=a%2fb%7E", "k=a%2Fb~")]
    [InlineData("k=a b+c", "k=a%20b%2Bc")]
    [InlineData("k=100%&p=%zz", "k=100%25&p=%25zz")]
    [InlineData("k=x=y", "k=x%3Dy")]
    [InlineData("Z=1&a=1&_=1&~=1", "Z=1&_=1&a=1&~=1")]
    [InlineData("createdAfter=2025-01-01T00%3A00%3A00Z&state=COMPLETED", "createdAfter=2025-01-01T00%3A00%3A00Z&state=COMPLETED")]
    [InlineData("%E2%82%AC=%e2%82%ac", "%E2%82%AC=%E2%82%AC")]
    [InlineData("k=%FF", "k=%FF")]
    public void Query_is_decoded_reencoded_and_sorted(string rawQuery, string expected)
    {
        Assert.Equal(expected, SigV4Canonicalizer.CanonicalQuery(rawQuery));
    }

    [Fact]
    public void Query_sorts_by_encoded_name_not_by_decoded_name()
    {
        // '~' (0x7E) sorts after '%' (0x25), although the decoded 'é' sorts after '~'.
        Assert.Equal("a%C3%A9=1&a~=2", SigV4Canonicalizer.CanonicalQuery("a~=2&a%C3%A9=1"));
    }

    [Fact]
    public void Query_can_leave_out_the_presigned_signature()
    {
        Assert.Equal(
            "X-Amz-Date=20150830T123600Z&a=1",
            SigV4Canonicalizer.CanonicalQuery("a=1&X-Amz-Signature=abc&X-Amz-Date=20150830T123600Z", "X-Amz-Signature"));
    }

    [Fact]
    public void Headers_are_trimmed_collapsed_and_joined_by_comma()
    {
        SigV4Request request = Request(
            ("Host", "127.0.0.1:8799"),
            ("X-Multi", " one "),
            ("x-multi", "two  \t three"),
            ("Content-Type", "application/json"),
            ("X-Unsigned", "ignored"));

        string block = SigV4Canonicalizer.CanonicalHeaders(request, ["content-type", "host", "x-multi"]);

        Assert.Equal("content-type:application/json\nhost:127.0.0.1:8799\nx-multi:one,two three\n", block);
    }

    [Fact]
    public void A_signed_header_that_is_absent_is_canonicalized_as_empty()
    {
        Assert.Equal("host:h\nx-empty:\n", SigV4Canonicalizer.CanonicalHeaders(Request(("Host", "h")), ["host", "x-empty"]));
    }

    [Fact]
    public void Canonical_request_has_a_blank_line_after_the_headers()
    {
        SigV4Request request = Request(("Host", "h")) with { RawTarget = "/x?b=1&a=2" };

        string canonical = SigV4Canonicalizer.CanonicalRequest(request, ["host"], "HASH", SigV4Flavor.Standard);

        Assert.Equal("GET\n/x\na=2&b=1\nhost:h\n\nhost\nHASH", canonical);
    }

    [Fact]
    public void Body_hash_is_lowercase_hex_sha256()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", SigV4Canonicalizer.HexSha256([]));
    }

    private static SigV4Request Request(params (string Name, string Value)[] headers) =>
        new("GET", "/", [.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))], ReadOnlyMemory<byte>.Empty);
}
