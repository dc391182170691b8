namespace Arca.Control.Backup.Internal;

/// <summary>Persisted global settings of one organization (collection <c>backup-global-settings</c>, key = organization id).</summary>
internal sealed record GlobalSettingsRecord
{
    public required string OrganizationId { get; init; }

    public bool IsCrossAccountBackupEnabled { get; init; }

    public bool IsMpaEnabled { get; init; }

    public bool IsDelegatedAdministratorEnabled { get; init; }

    public required DateTimeOffset LastUpdateTime { get; init; }

    public GlobalSettings ToSettings() => new(IsCrossAccountBackupEnabled, IsMpaEnabled, IsDelegatedAdministratorEnabled, LastUpdateTime);
}
