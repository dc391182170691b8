namespace Arca.Control.Backup;

/// <summary>
/// Whether an organization allows copies into other accounts (<c>isCrossAccountBackupEnabled</c>, set by the management account
/// with UpdateGlobalSettings): the first check of a cross-account copy job (aws-api.md §5.4).
/// </summary>
/// <remarks>Thread-safe; one read per call, no authorization.</remarks>
public sealed class CrossAccountBackup(GlobalSettingsService settings)
{
    /// <summary>True when cross-account backup is enabled in <paramref name="organizationId"/>.</summary>
    public async Task<bool> IsEnabledAsync(string organizationId, CancellationToken cancellationToken = default) =>
        (await settings.GetAsync(organizationId, cancellationToken).ConfigureAwait(false)).IsCrossAccountBackupEnabled;
}
