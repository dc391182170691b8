namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>Effective <c>lifecycle</c> of a rule or a copy action; each value with its provenance.</summary>
/// <param name="MoveToColdStorageAfterDays"><c>move_to_cold_storage_after_days</c>.</param>
/// <param name="DeleteAfterDays"><c>delete_after_days</c>.</param>
/// <param name="OptInToArchiveForSupportedResources"><c>opt_in_to_archive_for_supported_resources</c> (<c>true</c>/<c>false</c>).</param>
public sealed record EffectiveLifecycle(
    SourcedValue? MoveToColdStorageAfterDays,
    SourcedValue? DeleteAfterDays,
    SourcedValue? OptInToArchiveForSupportedResources);
