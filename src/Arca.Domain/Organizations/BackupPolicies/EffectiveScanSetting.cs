namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of a plan's <c>scan_settings</c>.</summary>
/// <param name="Scanner">The malware scanner (<c>GUARDDUTY</c>).</param>
/// <param name="Source">The policy that added the entry.</param>
/// <param name="ResourceTypes"><c>resource_types</c> (EBS, EC2, S3, ALL).</param>
/// <param name="ScannerRoleArn"><c>scanner_role_arn</c> (may hold <c>$account</c>).</param>
public sealed record EffectiveScanSetting(string Scanner, PolicySource Source, IReadOnlyList<SourcedValue> ResourceTypes, SourcedValue? ScannerRoleArn);
