namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of a rule's <c>copy_actions</c>.</summary>
/// <param name="Key">The entry's key: the destination vault ARN as written (may hold <c>$account</c>).</param>
/// <param name="Source">The policy that added the copy action.</param>
/// <param name="TargetBackupVaultArn"><c>target_backup_vault_arn</c>; when absent AWS uses the lower-cased key.</param>
/// <param name="Lifecycle">The copy's <c>lifecycle</c>, or null.</param>
public sealed record EffectiveCopyAction(string Key, PolicySource Source, SourcedValue? TargetBackupVaultArn, EffectiveLifecycle? Lifecycle);
