namespace Arca.Control.Iam;

/// <summary>A tag of a role.</summary>
public sealed record RoleTag(string Key, string Value);
