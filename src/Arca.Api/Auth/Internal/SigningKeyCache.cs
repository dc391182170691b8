using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Arca.Api.Auth.Internal;

/// <summary>
/// Remembers derived signing keys per (secret, date, region, service), so that a busy key costs two
/// HMACs per request (fingerprint and signature) instead of five.
/// </summary>
/// <remarks>
/// Thread-safe. The cache never holds a secret in clear: entries are keyed by an HMAC of the secret
/// under a random per-instance key, so a rotated secret misses and a heap dump shows no secret.
/// Bounded: when <see cref="Capacity"/> entries are reached the cache is emptied (entries age out
/// within a day anyway, as the date is part of the key). Returned arrays are shared: never modify them.
/// </remarks>
internal sealed class SigningKeyCache
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly byte[] _fingerprintKey = RandomNumberGenerator.GetBytes(32);

    public SigningKeyCache(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most entries kept before the cache is emptied.</summary>
    public int Capacity { get; }

    /// <summary>The number of entries now cached.</summary>
    public int Count => _keys.Count;

    /// <summary>The derived key for these inputs, from the cache when present.</summary>
    public byte[] Get(string secretAccessKey, string date, string region, string service)
    {
        string fingerprint = Convert.ToBase64String(
            HMACSHA256.HashData(_fingerprintKey, Encoding.UTF8.GetBytes(secretAccessKey)));
        string cacheKey = string.Join('\n', fingerprint, date, region, service);
        if (_keys.TryGetValue(cacheKey, out byte[]? cached))
        {
            return cached;
        }

        byte[] derived = SigV4SigningKey.Derive(secretAccessKey, date, region, service);
        if (_keys.Count >= Capacity)
        {
            _keys.Clear();
        }

        _keys[cacheKey] = derived;
        return derived;
    }
}
