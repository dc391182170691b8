namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>A backup policy as attached to one target.</summary>
/// <param name="PolicyId">Organizations policy id.</param>
/// <param name="PolicyName">Policy name, recorded in provenance.</param>
/// <param name="Document">The validated policy content.</param>
public sealed record BackupPolicyAttachment(string PolicyId, string PolicyName, BackupPolicyDocument Document);
