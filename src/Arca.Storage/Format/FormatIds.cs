namespace Arca.Storage.Format;

/// <summary>
/// Persisted format and algorithm identifiers (docs/design/vault-format.md). Defined once; a retired
/// identifier is never reused for something else.
/// </summary>
public static class FormatIds
{
    /// <summary>The vault format this code writes and the only one it reads.</summary>
    public const int VaultFormatVersion = 1;

    public const string ChunkerFastCdcGearV1 = "fastcdc-gear-v1";
    public const string CompressionZstd = "zstd";
    public const string BlobIdHmacSha256 = "hmac-sha256";
    public const string CipherAes256Gcm = "aes-256-gcm";
    public const string KeyProviderLocalFile = "local-file";

    /// <summary>A KMS key wraps the vault's master key (Arca.Control.Kms.KmsKeyProvider; the key id is the key ARN).</summary>
    public const string KeyProviderKms = "kms";

    public const string ConfigKey = "config";
    public const string KeysPrefix = "keys/";
    public const string DataPrefix = "data/";
    public const string IndexPrefix = "index/";
    public const string RecoveryPointsPrefix = "recovery-points/";
    public const string LocksPrefix = "locks/";
    public const string CopiesPrefix = "copies/";

    /// <summary>Magic at the start of a pack header's plaintext.</summary>
    public static ReadOnlySpan<byte> PackHeaderMagic => "APK1"u8;

    /// <summary>Magic at the start of an index object's plaintext.</summary>
    public static ReadOnlySpan<byte> IndexMagic => "AIX1"u8;

    /// <summary>Magic at the start of a copy ledger's plaintext.</summary>
    public static ReadOnlySpan<byte> LedgerMagic => "ACL1"u8;

    public static string PackKey(BlobId packId)
    {
        var hex = packId.ToString();
        return DataPrefix + hex[..2] + "/" + hex;
    }

    public static string IndexKey(BlobId id) => IndexPrefix + id;

    public static string RecoveryPointKey(BlobId id) => RecoveryPointsPrefix + id;
}
