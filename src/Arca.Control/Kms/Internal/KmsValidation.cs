using System.Text;

namespace Arca.Control.Kms.Internal;

/// <summary>KMS's input constraints (from the KMS API model), each failure a <c>ValidationException</c> naming the field.</summary>
internal static class KmsValidation
{
    public const int MaxTagsPerKey = 50;

    private static readonly string[] KeyUsages = ["SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT"];
    private static readonly string[] CustomerMasterKeySpecs =
        ["RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT",
         "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2"];

    private static readonly string[] KeySpecs = [.. CustomerMasterKeySpecs, "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519"];
    private static readonly string[] Origins = ["AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE"];
    private static readonly string[] EncryptionAlgorithms = ["SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", "SM2PKE"];
    private static readonly string[] DataKeySpecs = ["AES_256", "AES_128"];

    /// <summary>A key identifier (id, ARN, alias name, alias ARN): 1–2048 characters.</summary>
    public static string KeyId(string? value, string field = "keyId")
    {
        Length(value, field, 1, 2048);
        return value;
    }

    /// <summary>An alias name: 1–256 characters of <c>[a-zA-Z0-9:/_-]</c>.</summary>
    public static string AliasName(string? value, string field = "aliasName")
    {
        Length(value, field, 1, 256);
        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '/' or '_' or '-')
            ? value
            : throw KmsErrors.Validation(field, value, "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
    }

    public static string Description(string? value, string field = "description")
    {
        if (value is null)
        {
            return string.Empty;
        }

        Length(value, field, 0, 8192);
        return WellFormed(value, field);
    }

    /// <summary>A key policy's text: 1–131072 characters of <c>[\u0009\u000A\u000D\u0020-\u00FF]</c>, at most 32 KB.</summary>
    public static string PolicyText(string? value, string field = "policy")
    {
        Length(value, field, 1, 131072);
        if (!value.All(c => c is '\t' or '\n' or '\r' or (>= '\u0020' and <= '\u00FF')))
        {
            throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        }

        int bytes = Encoding.UTF8.GetByteCount(value);
        return bytes <= KeyPolicies.MaxBytes
            ? value
            : throw KmsErrors.LimitExceeded($"The key policy is {bytes} bytes; a key policy may have at most {KeyPolicies.MaxBytes} bytes.");
    }

    /// <summary>The policy name: only <c>default</c> exists; others are a NotFound as in AWS.</summary>
    public static void PolicyName(string? value)
    {
        if (value is null)
        {
            return;
        }

        Length(value, "policyName", 1, 128);
        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw KmsErrors.Validation("policyName", value, "Member must satisfy regular expression pattern: [\\w]+");
        }

        if (value != KeyPolicies.DefaultName)
        {
            throw KmsErrors.NotFound($"No such policy exists: a KMS key has one key policy, named '{KeyPolicies.DefaultName}'.");
        }
    }

    /// <summary>A listing's <c>Limit</c>: 1–1000, default 100.</summary>
    public static int Limit(int? value) => value switch
    {
        null => 100,
        >= 1 and <= 1000 => value.Value,
        _ => throw KmsErrors.Validation("limit", value.Value, value < 1
            ? "Member must have value greater than or equal to 1"
            : "Member must have value less than or equal to 1000"),
    };

    /// <summary>ScheduleKeyDeletion's <c>PendingWindowInDays</c>: 7–30, default 30.</summary>
    public static int PendingWindowInDays(int? value) => value switch
    {
        null => 30,
        >= 7 and <= 30 => value.Value,
        _ => throw KmsErrors.Validation("pendingWindowInDays", value.Value, value < 7
            ? "Member must have value greater than or equal to 7"
            : "Member must have value less than or equal to 30"),
    };

    /// <summary><c>NumberOfBytes</c>: 1–1024.</summary>
    public static int NumberOfBytes(int value) => value is >= 1 and <= 1024
        ? value
        : throw KmsErrors.Validation("numberOfBytes", value, value < 1
            ? "Member must have value greater than or equal to 1"
            : "Member must have value less than or equal to 1024");

    /// <summary>A data key's length from <c>KeySpec</c> (AES_256, AES_128) or <c>NumberOfBytes</c>: exactly one of them.</summary>
    public static int DataKeyLength(string? keySpec, int? numberOfBytes)
    {
        if ((keySpec is null) == (numberOfBytes is null))
        {
            throw KmsErrors.Validation("Please specify either number of bytes or key spec.");
        }

        return keySpec is null ? NumberOfBytes(numberOfBytes!.Value) : Enum(keySpec, "keySpec", DataKeySpecs) == "AES_256" ? 32 : 16;
    }

    /// <summary>A plaintext blob: 1–4096 bytes.</summary>
    public static byte[] Plaintext(byte[]? value, string field = "plaintext")
    {
        if (value is null)
        {
            throw KmsErrors.Validation(field, null, string.Empty);
        }

        return value.Length switch
        {
            0 => throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length greater than or equal to 1"),
            > 4096 => throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length less than or equal to 4096"),
            _ => value,
        };
    }

    /// <summary>A ciphertext blob: 1–6144 bytes.</summary>
    public static byte[] Ciphertext(byte[]? value, string field = "ciphertextBlob")
    {
        if (value is null)
        {
            throw KmsErrors.Validation(field, null, string.Empty);
        }

        return value.Length switch
        {
            0 => throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length greater than or equal to 1"),
            > 6144 => throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length less than or equal to 6144"),
            _ => value,
        };
    }

    /// <summary>Only <c>SYMMETRIC_DEFAULT</c> (or nothing) fits Arca's symmetric keys.</summary>
    public static void EncryptionAlgorithm(string? value, string keyArn, string field = "encryptionAlgorithm")
    {
        if (value is not null && Enum(value, field, EncryptionAlgorithms) != KeyMetadata.SymmetricDefault)
        {
            throw KmsErrors.InvalidKeyUsage($"The encryption algorithm {value} is not supported by {keyArn}: a symmetric key supports SYMMETRIC_DEFAULT only.");
        }
    }

    /// <summary>Grant tokens name grants, which Arca does not implement: any token is invalid.</summary>
    public static void GrantTokens(IReadOnlyList<string>? tokens)
    {
        if (tokens is { Count: > 10 })
        {
            throw KmsErrors.Validation("grantTokens", $"{tokens.Count} tokens", "Member must have length less than or equal to 10");
        }

        if (tokens is { Count: > 0 })
        {
            throw KmsErrors.InvalidGrantToken();
        }
    }

    public static string? KeyUsage(string? value) => value is null ? null : Enum(value, "keyUsage", KeyUsages);

    public static string? KeySpec(string? value, string field) =>
        value is null ? null : Enum(value, field, field == "customerMasterKeySpec" ? CustomerMasterKeySpecs : KeySpecs);

    public static string? Origin(string? value) => value is null ? null : Enum(value, "origin", Origins);

    /// <summary>Tags: keys 1–128, values 0–256 characters, at most 50, keys unique, no <c>aws:</c> prefix (TagException).</summary>
    public static IReadOnlyList<KmsTag> Tags(IReadOnlyList<KmsTag>? tags, string field = "tags")
    {
        if (tags is null)
        {
            return [];
        }

        for (int i = 0; i < tags.Count; i++)
        {
            Length(tags[i].TagKey, $"{field}.{i + 1}.member.tagKey", 1, 128);
            Length(tags[i].TagValue, $"{field}.{i + 1}.member.tagValue", 0, 256);
            WellFormed(tags[i].TagKey, $"{field}.{i + 1}.member.tagKey");
            WellFormed(tags[i].TagValue, $"{field}.{i + 1}.member.tagValue");
            if (tags[i].TagKey.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw KmsErrors.Tag($"Tag key '{tags[i].TagKey}' is not allowed: the prefix aws: is reserved for AWS.");
            }
        }

        if (tags.GroupBy(t => t.TagKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw KmsErrors.Tag($"Duplicate tag key '{duplicate.Key}' in the request: each tag key may appear once.");
        }

        return tags;
    }

    public static void Length([System.Diagnostics.CodeAnalysis.NotNull] string? value, string field, int min, int max)
    {
        if (value is null)
        {
            throw KmsErrors.Validation(field, null, string.Empty);
        }

        if (value.Length < min)
        {
            throw KmsErrors.Validation(field, value, $"Member must have length greater than or equal to {min}");
        }

        if (value.Length > max)
        {
            throw KmsErrors.Validation(field, value, $"Member must have length less than or equal to {max}");
        }
    }

    /// <summary>Text that is echoed back must be well-formed UTF-16: a lone surrogate (sent as a \uD800 escape) is refused.</summary>
    private static string WellFormed(string value, string field)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw KmsErrors.Validation($"1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must be valid Unicode text (it has a lone surrogate)");
            }
        }

        return value;
    }

    private static string Enum(string value, string field, string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw KmsErrors.Validation(field, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
}
