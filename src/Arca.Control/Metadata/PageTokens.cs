using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Arca.Control.Metadata;

/// <summary>
/// Opaque, signed pagination tokens (<c>NextToken</c>, <c>Marker</c>): the last key of a page plus an
/// HMAC-SHA256 over the query's scope and that key, under a secret of the store. A client cannot forge a
/// token, nor replay one in another query (another account, collection or filter gives another scope).
/// </summary>
/// <remarks>Thread-safe and immutable. Tokens stay valid for as long as the store's secret does.</remarks>
public sealed class PageTokens
{
    /// <summary>Where <see cref="LoadOrCreateAsync"/> keeps the secret.</summary>
    public const string MetaCollection = "meta";

    private const string SecretKey = "page-token-secret";
    private const int MacLength = 16;
    private readonly byte[] _secret;

    /// <summary>Creates a codec with <paramref name="secret"/> (at least 32 bytes).</summary>
    public PageTokens(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("A pagination secret has at least 32 bytes.", nameof(secret));
        }

        _secret = secret.ToArray();
    }

    /// <summary>Reads the store's pagination secret, creating a random one on first use.</summary>
    public static async Task<PageTokens> LoadOrCreateAsync(IMetadataStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string secret = await store.TransactAsync(async tx =>
        {
            if (await tx.GetAsync(MetaCollection, SecretKey).ConfigureAwait(false) is { } existing)
            {
                return existing.Json.Trim('"');
            }

            string created = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            await tx.InsertAsync(MetaCollection, SecretKey, $"\"{created}\"", IndexFields.None).ConfigureAwait(false);
            return created;
        }, cancellationToken).ConfigureAwait(false);
        return new PageTokens(Convert.FromBase64String(secret));
    }

    /// <summary>A token that resumes the query <paramref name="scope"/> after <paramref name="lastKey"/>.</summary>
    public string Encode(string scope, string lastKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentException.ThrowIfNullOrEmpty(lastKey);
        byte[] key = Encoding.UTF8.GetBytes(lastKey);
        return Base64Url.EncodeToString(key) + "." + Base64Url.EncodeToString(Mac(scope, key));
    }

    /// <summary>
    /// Reads a token made by <see cref="Encode"/> for the same <paramref name="scope"/>; false when the token
    /// is malformed, forged, or was issued for another query.
    /// </summary>
    public bool TryDecode(string scope, string? token, [NotNullWhen(true)] out string? lastKey)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lastKey = null;
        int dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 4096)
        {
            return false;
        }

        try
        {
            byte[] key = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            byte[] mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (mac.Length != MacLength || !CryptographicOperations.FixedTimeEquals(mac, Mac(scope, key)))
            {
                return false;
            }

            lastKey = new UTF8Encoding(false, true).GetString(key);
            return lastKey.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private byte[] Mac(string scope, byte[] key)
    {
        byte[] scopeBytes = Encoding.UTF8.GetBytes(scope);
        byte[] length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, scopeBytes.Length);
        byte[] message = [.. length, .. scopeBytes, .. key];
        return HMACSHA256.HashData(_secret, message)[..MacLength];
    }
}
