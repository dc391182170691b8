namespace Arca.Storage.Format;

/// <summary>A directory listing: nodes sorted by ordinal name, names unique.</summary>
public sealed record Tree(IReadOnlyList<TreeNode> Nodes)
{
    /// <summary>
    /// Throws <see cref="FormatException"/> when a name is unsafe (empty, <c>.</c>, <c>..</c>, with
    /// <c>/</c> or NUL), duplicated or out of order, or a node lacks what its type needs.
    /// </summary>
    public void Validate()
    {
        string? previous = null;
        foreach (var node in Nodes)
        {
            if (!IsSafeName(node.Name))
            {
                throw new FormatException($"unsafe name '{node.Name}' in tree");
            }

            if (previous is not null && string.CompareOrdinal(previous, node.Name) >= 0)
            {
                throw new FormatException($"tree names are not unique and sorted ('{previous}', '{node.Name}')");
            }

            previous = node.Name;
            var ok = node.Type switch
            {
                NodeType.File => node.Content is not null && node.Size >= 0,
                NodeType.Dir => node.Subtree is not null,
                NodeType.Symlink => node.Target is not null,
                _ => true,
            };
            if (!ok)
            {
                throw new FormatException($"tree node '{node.Name}' of type {node.Type} is incomplete");
            }
        }
    }

    public static bool IsSafeName(string name) =>
        name.Length > 0 && name != "." && name != ".." && !name.Contains('/', StringComparison.Ordinal) && !name.Contains('\0', StringComparison.Ordinal);
}
