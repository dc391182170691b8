namespace Arca.Control.Organizations.Internal;

/// <summary>A root or OU as a container: its id, path and how many OUs deep it is (the root is 0).</summary>
internal sealed record ParentNode(string Id, string Path, int Depth);
