namespace Arca.Domain.Iam;

/// <summary>A policy with the name reasons use for it, e.g. <c>vault access policy</c> or <c>role cabrole inline policy 'copy'</c>.</summary>
/// <param name="Name">How decisions name the policy.</param>
/// <param name="Document">The parsed policy.</param>
public sealed record NamedPolicy(string Name, PolicyDocument Document);
