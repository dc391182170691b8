namespace Arca.Control.Identity;

/// <summary>What an STS session is for: the role it assumed, under which name, until when.</summary>
public sealed record SessionGrant(string AccountId, string RoleArn, string RoleId, string SessionName, DateTimeOffset ExpiresAt);
