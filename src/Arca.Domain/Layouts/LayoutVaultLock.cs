namespace Arca.Domain.Layouts;

/// <summary>A vault lock, as PutBackupVaultLockConfiguration takes it.</summary>
public sealed record LayoutVaultLock(long? MinRetentionDays, long? MaxRetentionDays, long? ChangeableForDays);
