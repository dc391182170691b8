using System.Security.Cryptography;
using System.Text;

namespace Arca.Storage.Crypto;

/// <summary>
/// A key-encryption key kept in a local file: 32 random bytes, base64, mode 0600. Wraps with
/// AES-256-GCM; the fingerprint (<see cref="KeyId"/>) is the first 16 hex digits of
/// HMAC-SHA256(KEK, "arca/v1/kek-id").
/// </summary>
public sealed class LocalKeyFile : IKeyEncryptionKeyProvider
{
    private const int KeySize = 32;
    private readonly byte[] _key;

    private LocalKeyFile(byte[] key, string path)
    {
        _key = key;
        Path = path;
        KeyId = Convert.ToHexStringLower(HMACSHA256.HashData(key, "arca/v1/kek-id"u8))[..16];
    }

    public string Path { get; }

    public string ProviderId => Format.FormatIds.KeyProviderLocalFile;

    public string KeyId { get; }

    /// <summary>Loads the key file. Throws <see cref="KeyFileException"/> naming the file when it is missing or malformed.</summary>
    public static LocalKeyFile Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.ASCII).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"cannot read key file {path}: {e.Message}", e);
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new KeyFileException($"key file {path} is not a base64 key", e);
        }

        return key.Length == KeySize
            ? new LocalKeyFile(key, path)
            : throw new KeyFileException($"key file {path} holds {key.Length} bytes; an Arca key has {KeySize}");
    }

    /// <summary>Loads the key file, or creates it (mode 0600, new random key) when it does not exist.</summary>
    public static LocalKeyFile LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (File.Exists(path))
        {
            return Load(path);
        }

        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(path, options))
            {
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key) + "\n"));
                stream.Flush(flushToDisk: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFileException($"cannot create key file {path}: {e.Message}", e);
        }

        created = true;
        return new LocalKeyFile(key, path);
    }

    public ValueTask<byte[]> WrapAsync(ReadOnlyMemory<byte> plaintextKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default)
    {
        using var aead = new Aead(_key);
        return ValueTask.FromResult(aead.Seal(plaintextKey.Span, context.Span));
    }

    public ValueTask<byte[]> UnwrapAsync(ReadOnlyMemory<byte> wrappedKey, ReadOnlyMemory<byte> context, CancellationToken cancellationToken = default)
    {
        using var aead = new Aead(_key);
        return ValueTask.FromResult(aead.TryOpen(wrappedKey.Span, context.Span)
            ?? throw new WrongKeyException($"key file {Path} does not open this vault's key"));
    }
}
