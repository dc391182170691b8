using System.Security.Cryptography;
using System.Text;

namespace Arca.Control.Identity;

/// <summary>
/// The server's global master key: 32 random bytes from <c>DIR/master.key</c> (base64, mode 0600) or from
/// the environment variable <see cref="EnvironmentVariable"/>. Purpose keys are derived from it with
/// HKDF-SHA256, so one key never serves two purposes.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> never shows the key.</remarks>
public sealed class MasterKey
{
    /// <summary>The environment variable that, when set, holds the master key (base64 of 32 bytes) instead of the file.</summary>
    public const string EnvironmentVariable = "ARCA_MASTER_KEY";

    /// <summary>The key length in bytes.</summary>
    public const int Size = 32;

    private readonly byte[] _key;

    private MasterKey(byte[] key) => _key = key;

    /// <summary>A master key from its bytes (tests, or a key held elsewhere).</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not <see cref="Size"/> bytes.</exception>
    public static MasterKey FromBytes(ReadOnlySpan<byte> key) =>
        key.Length == Size ? new MasterKey(key.ToArray()) : throw new ArgumentException($"A master key has {Size} bytes.", nameof(key));

    /// <summary>A fresh random master key.</summary>
    public static MasterKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>
    /// The key from <paramref name="environmentValue"/> when it is set, else from the file at <paramref name="path"/>,
    /// which is created (32 random bytes, base64, mode 0600) when missing.
    /// </summary>
    /// <param name="path">The key file, <c>DIR/master.key</c>.</param>
    /// <param name="environmentValue">The value of <see cref="EnvironmentVariable"/>, or null when unset.</param>
    /// <param name="created">True when the file was created by this call.</param>
    /// <exception cref="InvalidDataException">The variable or the file does not hold base64 of 32 bytes, or the file is readable by others.</exception>
    public static MasterKey LoadOrCreate(string path, string? environmentValue, out bool created)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        created = false;
        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return Decode(environmentValue, $"the environment variable {EnvironmentVariable}");
        }

        if (!File.Exists(path))
        {
            MasterKey key = Generate();
            SecretFile.WriteNew(path, Convert.ToBase64String(key._key) + "\n");
            created = true;
            return key;
        }

        if ((File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new InvalidDataException($"{path} must be readable by its owner only (chmod 600 {path})");
        }

        return Decode(File.ReadAllText(path), path);
    }

    /// <summary>A 32-byte key for <paramref name="purpose"/> (e.g. <c>arca/v1/credential-seal</c>).</summary>
    public byte[] Derive(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, Size, salt: [], info: Encoding.UTF8.GetBytes(purpose));
    }

    /// <inheritdoc/>
    public override string ToString() => "MasterKey(***)";

    private static MasterKey Decode(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"{source} does not hold a base64 master key");
        }

        return bytes.Length == Size ? new MasterKey(bytes) : throw new InvalidDataException($"{source} does not hold a {Size}-byte master key");
    }
}
