namespace Arca.Control.Kms;

/// <summary>The input of CreateKey, as the client sent it (validated by <see cref="KeyService.CreateKeyAsync"/>).</summary>
public sealed record CreateKeyRequest
{
    /// <summary>The key policy; null for the default policy (the account root may do everything).</summary>
    public string? Policy { get; init; }

    public string? Description { get; init; }

    /// <summary>Only <c>ENCRYPT_DECRYPT</c> (the default) is supported.</summary>
    public string? KeyUsage { get; init; }

    /// <summary>Only <c>SYMMETRIC_DEFAULT</c> (the default) is supported.</summary>
    public string? KeySpec { get; init; }

    /// <summary>The deprecated spelling of <see cref="KeySpec"/>.</summary>
    public string? CustomerMasterKeySpec { get; init; }

    /// <summary>Only <c>AWS_KMS</c> (the default) is supported.</summary>
    public string? Origin { get; init; }

    /// <summary>Custom key stores are not supported.</summary>
    public string? CustomKeyStoreId { get; init; }

    /// <summary>External key stores are not supported.</summary>
    public string? XksKeyId { get; init; }

    /// <summary>Multi-Region keys are not supported (true is refused).</summary>
    public bool? MultiRegion { get; init; }

    /// <summary>Skips the check that the new policy lets the caller change it later.</summary>
    public bool BypassPolicyLockoutSafetyCheck { get; init; }

    public IReadOnlyList<KmsTag>? Tags { get; init; }
}
