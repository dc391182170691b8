using Arca.Control.Kms;

namespace Arca.Api.Endpoints.Kms;

// Wire shapes of the key operations (botocore kms 2014-11-01): member names as in the model, blobs base64, timestamps epoch seconds.

internal sealed record WireTag(string? TagKey, string? TagValue);

internal sealed record CreateKeyInput(
    string? Policy,
    string? Description,
    string? KeyUsage,
    string? CustomerMasterKeySpec,
    string? KeySpec,
    string? Origin,
    string? CustomKeyStoreId,
    bool? BypassPolicyLockoutSafetyCheck,
    List<WireTag>? Tags,
    bool? MultiRegion,
    string? XksKeyId);

internal sealed record KeyIdInput(string? KeyId, List<string>? GrantTokens);

internal sealed record UpdateKeyDescriptionInput(string? KeyId, string? Description);

internal sealed record ScheduleKeyDeletionInput(string? KeyId, int? PendingWindowInDays);

internal sealed record ListInput(int? Limit, string? Marker);

internal sealed record WireKeyMetadata
{
    public required string AWSAccountId { get; init; }

    public required string KeyId { get; init; }

    public required string Arn { get; init; }

    public required double CreationDate { get; init; }

    public required bool Enabled { get; init; }

    public required string Description { get; init; }

    public string KeyUsage { get; init; } = KeyMetadata.EncryptDecrypt;

    public required string KeyState { get; init; }

    public double? DeletionDate { get; init; }

    public string Origin { get; init; } = KeyMetadata.AwsKmsOrigin;

    public required string KeyManager { get; init; }

    public string CustomerMasterKeySpec { get; init; } = KeyMetadata.SymmetricDefault;

    public string KeySpec { get; init; } = KeyMetadata.SymmetricDefault;

    public IReadOnlyList<string> EncryptionAlgorithms { get; init; } = [KeyMetadata.SymmetricDefault];

    public bool MultiRegion { get; init; }

    public int? PendingDeletionWindowInDays { get; init; }

    public static WireKeyMetadata From(KeyMetadata key) => new()
    {
        AWSAccountId = key.AccountId,
        KeyId = key.KeyId,
        Arn = key.Arn,
        CreationDate = WireTime.Of(key.CreationDate),
        Enabled = key.Enabled,
        Description = key.Description,
        KeyState = key.KeyState.ToString(),
        DeletionDate = key.DeletionDate is { } at ? WireTime.Of(at) : null,
        KeyManager = key.KeyManager == Control.Kms.KeyManager.Aws ? "AWS" : "CUSTOMER",
        PendingDeletionWindowInDays = key.PendingDeletionWindowInDays,
    };
}

internal sealed record KeyMetadataOutput(WireKeyMetadata KeyMetadata);

internal sealed record KeyListEntry(string KeyId, string KeyArn);

internal sealed record ListKeysOutput(IReadOnlyList<KeyListEntry> Keys, string? NextMarker, bool Truncated);

internal sealed record ScheduleKeyDeletionOutput(string KeyId, double? DeletionDate, string KeyState, int? PendingWindowInDays);

internal sealed record KeyIdOutput(string KeyId);
