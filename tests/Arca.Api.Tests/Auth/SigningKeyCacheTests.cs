using Arca.Api.Auth;
using Arca.Api.Auth.Internal;

namespace Arca.Api.Tests.Auth;

public sealed class SigningKeyCacheTests
{
    [Fact]
    public void Cached_key_equals_the_derived_key_and_is_reused()
    {
        var cache = new SigningKeyCache();

        byte[] first = cache.Get("secret", "20261126", "us-east-1", "backup");
        byte[] second = cache.Get("secret", "20261126", "us-east-1", "backup");

        Assert.Equal(SigV4SigningKey.Derive("secret", "20261126", "us-east-1", "backup"), first);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Each_input_has_its_own_entry()
    {
        var cache = new SigningKeyCache();

        byte[][] keys =
        [
            cache.Get("secret", "20261126", "us-east-1", "backup"),
            cache.Get("secret2", "20261126", "us-east-1", "backup"),
            cache.Get("secret", "20261127", "us-east-1", "backup"),
            cache.Get("secret", "20261126", "eu-west-1", "backup"),
            cache.Get("secret", "20261126", "us-east-1", "kms"),
        ];

        Assert.Equal(5, keys.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(5, cache.Count);
    }

    [Fact]
    public void Cache_is_emptied_when_full()
    {
        var cache = new SigningKeyCache(capacity: 3);
        for (int i = 0; i < 3; i++)
        {
            _ = cache.Get($"secret{i}", "20261126", "us-east-1", "backup");
        }

        _ = cache.Get("secret3", "20261126", "us-east-1", "backup");

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Concurrent_use_gives_consistent_keys()
    {
        var cache = new SigningKeyCache(capacity: 8);
        byte[] expected = SigV4SigningKey.Derive("secret5", "20261126", "us-east-1", "backup");

        Parallel.For(0, 2000, i =>
        {
            byte[] key = cache.Get($"secret{i % 16}", "20261126", "us-east-1", "backup");
            if (i % 16 == 5)
            {
                Assert.Equal(expected, key);
            }
        });
    }
}
