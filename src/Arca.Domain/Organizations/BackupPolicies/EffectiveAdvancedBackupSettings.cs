namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>A plan's effective <c>advanced_backup_settings</c>; each value <c>enabled</c> or <c>disabled</c>.</summary>
/// <param name="Ec2WindowsVss"><c>ec2.windows_vss</c>.</param>
/// <param name="S3BackupAcls"><c>s3.backup_acls</c>.</param>
/// <param name="S3BackupObjectTags"><c>s3.backup_object_tags</c>.</param>
public sealed record EffectiveAdvancedBackupSettings(SourcedValue? Ec2WindowsVss, SourcedValue? S3BackupAcls, SourcedValue? S3BackupObjectTags);
