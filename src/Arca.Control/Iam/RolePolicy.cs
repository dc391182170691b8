namespace Arca.Control.Iam;

/// <summary>An inline policy of a role: its name and document as the client sent it.</summary>
public sealed record RolePolicy(string AccountId, string RoleName, string PolicyName, string PolicyDocument);
