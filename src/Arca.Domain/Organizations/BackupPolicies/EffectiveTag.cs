namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of <c>recovery_point_tags</c> or <c>backup_plan_tags</c>.</summary>
/// <param name="Id">The entry's key in the policy (AWS: the tag key, lower-cased).</param>
/// <param name="Source">The policy that added the entry.</param>
/// <param name="TagKey"><c>tag_key</c>.</param>
/// <param name="TagValue"><c>tag_value</c>.</param>
public sealed record EffectiveTag(string Id, PolicySource Source, SourcedValue? TagKey, SourcedValue? TagValue);
