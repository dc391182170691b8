namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>An effective entry of <c>selections.tags</c>.</summary>
/// <param name="Name">The selection name.</param>
/// <param name="Source">The policy that added the selection.</param>
/// <param name="IamRoleArn"><c>iam_role_arn</c> (may hold <c>$account</c>).</param>
/// <param name="TagKey"><c>tag_key</c>.</param>
/// <param name="TagValues"><c>tag_value</c>: a resource matches if its tag has any of these values.</param>
/// <param name="Conditions"><c>conditions</c>, or null.</param>
public sealed record EffectiveTagSelection(
    string Name,
    PolicySource Source,
    SourcedValue? IamRoleArn,
    SourcedValue? TagKey,
    IReadOnlyList<SourcedValue> TagValues,
    EffectiveConditions? Conditions);
