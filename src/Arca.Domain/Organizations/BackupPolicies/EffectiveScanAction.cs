namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of a rule's <c>scan_actions</c>.</summary>
/// <param name="Scanner">The malware scanner (<c>GUARDDUTY</c>).</param>
/// <param name="Source">The policy that added the entry.</param>
/// <param name="ScanMode"><c>scan_mode</c>: <c>INCREMENTAL_SCAN</c> or <c>FULL_SCAN</c>.</param>
public sealed record EffectiveScanAction(string Scanner, PolicySource Source, SourcedValue? ScanMode);
