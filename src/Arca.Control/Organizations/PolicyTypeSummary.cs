namespace Arca.Control.Organizations;

/// <summary>A policy type of a root and its state.</summary>
/// <param name="Type">AWS's policy type name (<see cref="OrganizationPolicyTypes"/>).</param>
/// <param name="Status">Whether it is enabled.</param>
public sealed record PolicyTypeSummary(string Type, PolicyTypeStatus Status);
