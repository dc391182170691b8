using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

public sealed class SigV4RequestTests
{
    [Theory]
    [InlineData("/a/b?x=1&y", "/a/b", "x=1&y")]
    [InlineData("/a/b", "/a/b", "")]
    [InlineData("/a?", "/a", "")]
    [InlineData("/a?b?c", "/a", "b?c")]
    [InlineData("http://127.0.0.1:8799/a%2Fb?x=1", "/a%2Fb", "x=1")]
    [InlineData("https://example.com", "/", "")]
    [InlineData("https://example.com?x=1", "/", "x=1")]
    public void Raw_target_splits_into_raw_path_and_raw_query(string target, string path, string query)
    {
        var request = new SigV4Request("GET", target, [], ReadOnlyMemory<byte>.Empty);

        Assert.Equal((path, query), (request.RawPath, request.RawQuery));
    }

    [Fact]
    public void Header_lookup_ignores_case_and_keeps_every_value_in_order()
    {
        var request = new SigV4Request("GET", "/", [new("X-A", "1"), new("Host", "h"), new("x-a", "2")], ReadOnlyMemory<byte>.Empty);

        Assert.Equal(["1", "2"], request.HeaderValues("X-A"));
        Assert.True(request.HasHeader("HOST"));
        Assert.False(request.HasHeader("x-b"));
    }

    [Fact]
    public void With_header_replaces_every_value_of_that_name()
    {
        var request = new SigV4Request("GET", "/", [new("X-A", "1"), new("x-a", "2"), new("Host", "h")], ReadOnlyMemory<byte>.Empty);

        SigV4Request changed = request.WithHeader("x-A", "3");

        Assert.Equal(["3"], changed.HeaderValues("x-a"));
        Assert.Equal(["1", "2"], request.HeaderValues("x-a"));
    }
}
