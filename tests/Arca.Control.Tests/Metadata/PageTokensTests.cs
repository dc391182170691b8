using System.Security.Cryptography;
using Arca.Control.Metadata;

namespace Arca.Control.Tests.Metadata;

public sealed class PageTokensTests
{
    private readonly PageTokens _tokens = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_token_decodes_to_its_last_key_in_its_own_scope()
    {
        string token = _tokens.Encode("roles:111111111111", "111111111111/clé\U0001F600");
        Assert.True(_tokens.TryDecode("roles:111111111111", token, out string? key));
        Assert.Equal("111111111111/clé\U0001F600", key);
    }

    [Fact]
    public void A_token_is_refused_in_another_scope_with_another_secret_or_when_altered()
    {
        string token = _tokens.Encode("roles:111111111111", "111111111111/a");
        Assert.False(_tokens.TryDecode("roles:222222222222", token, out _));
        Assert.False(new PageTokens(RandomNumberGenerator.GetBytes(32)).TryDecode("roles:111111111111", token, out _));
        string forged = Convert.ToBase64String("111111111111/b"u8).TrimEnd('=') + token[token.IndexOf('.')..];
        Assert.False(_tokens.TryDecode("roles:111111111111", forged, out _));
        Assert.False(_tokens.TryDecode("roles:111111111111", token[..^2], out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("abc")]
    [InlineData("!!!.???")]
    [InlineData("YQ.YQ")]
    public void Malformed_tokens_are_refused_without_throwing(string? token) =>
        Assert.False(_tokens.TryDecode("s", token, out _));

    [Fact]
    public async Task The_secret_is_created_once_per_store_and_reused()
    {
        await using var store = new InMemoryMetadataStore();
        PageTokens first = await PageTokens.LoadOrCreateAsync(store);
        PageTokens second = await PageTokens.LoadOrCreateAsync(store);
        Assert.True(second.TryDecode("s", first.Encode("s", "k"), out string? key));
        Assert.Equal("k", key);
    }
}
