namespace Arca.Control.Organizations;

/// <summary>A root, OU or account a policy is attached to, as ListTargetsForPolicy shows it.</summary>
/// <param name="TargetId">The root, OU or account id.</param>
/// <param name="Arn">Its ARN.</param>
/// <param name="Name">Its name (<c>Root</c>, the OU's, the account's).</param>
/// <param name="Type">Root, OU or account.</param>
public sealed record PolicyTarget(string TargetId, string Arn, string Name, PolicyTargetType Type);
