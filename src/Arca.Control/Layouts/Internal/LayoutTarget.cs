namespace Arca.Control.Layouts.Internal;

/// <summary>An account of the organization as the engine sees it: id, name, path from the root.</summary>
internal sealed record LayoutTarget(string AccountId, string AccountName, string ParentPath, bool IsManagementAccount);
