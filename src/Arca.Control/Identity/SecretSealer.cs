using System.Security.Cryptography;
using System.Text;
using Arca.Storage.Crypto;

namespace Arca.Control.Identity;

/// <summary>
/// Seals secrets at rest (secret access keys, session tokens) with AES-256-GCM under a key derived from the
/// <see cref="MasterKey"/>. The associated data binds each sealed value to its context (the access key id
/// and field), so a sealed value copied to another record does not open.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class SecretSealer
{
    private const string Purpose = "arca/v1/credential-seal";
    private const string Prefix = "v1.";
    private readonly byte[] _key;

    public SecretSealer(MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        _key = masterKey.Derive(Purpose);
    }

    /// <summary>Seals <paramref name="secret"/> for <paramref name="context"/>; the result is text safe to store.</summary>
    public string Seal(string secret, string context)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(context);
        using var aead = new Aead(_key);
        return Prefix + Convert.ToBase64String(aead.Seal(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(context)));
    }

    /// <summary>Opens a value sealed by <see cref="Seal"/> for the same <paramref name="context"/>.</summary>
    /// <exception cref="CryptographicException">The value was altered, sealed for another context, or under another master key.</exception>
    public string Unseal(string sealedSecret, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        ArgumentException.ThrowIfNullOrEmpty(context);
        if (!sealedSecret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown sealed-secret format.");
        }

        byte[] envelope;
        try
        {
            envelope = Convert.FromBase64String(sealedSecret[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("Sealed secret is not base64.", e);
        }

        using var aead = new Aead(_key);
        byte[] plain = aead.TryOpen(envelope, Encoding.UTF8.GetBytes(context))
            ?? throw new CryptographicException("Sealed secret does not open: wrong master key, or altered.");
        return Encoding.UTF8.GetString(plain);
    }
}
