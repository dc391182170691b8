using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Backup;

/// <summary>A directory's tree in the parent recovery point, with its id.</summary>
internal sealed record ParentTree(Tree Tree, BlobId Id);

/// <summary>
/// Loads the parent recovery point's subtrees of one directory a few entries ahead of the walk, so
/// reading, decrypting and parsing them overlaps the walk instead of stalling it. At most
/// <see cref="Ahead"/> loads run ahead of the walk's position, so memory stays bounded by the depth
/// of the walk, not the width of a directory.
/// </summary>
internal sealed class SubtreePrefetch
{
    private const int Ahead = 8;
    private readonly VaultReader _reader;
    private readonly VaultIndex _index;
    private readonly Tree? _parent;
    private readonly Task<Tree>?[] _loads;
    private readonly Queue<int> _started = new();
    private readonly CancellationToken _cancellationToken;
    private int _next;

    public SubtreePrefetch(VaultReader reader, VaultIndex index, Tree? parent, CancellationToken cancellationToken)
    {
        _reader = reader;
        _index = index;
        _parent = parent;
        _loads = parent is null ? [] : new Task<Tree>?[parent.Nodes.Count];
        _cancellationToken = cancellationToken;
    }

    /// <summary>The parent's node at <paramref name="position"/> (from <see cref="Find"/>), or null.</summary>
    public TreeNode? NodeAt(int position) => position < 0 ? null : _parent!.Nodes[position];

    /// <summary>The position of <paramref name="name"/> in the parent tree, or -1.</summary>
    public int Find(string name)
    {
        if (_parent is null)
        {
            return -1;
        }

        int lo = 0, hi = _parent.Nodes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = string.CompareOrdinal(_parent.Nodes[mid].Name, name);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The parent's subtree of the directory at <paramref name="position"/>, or null when there is
    /// none to compare with (no parent entry, not a directory, or its tree is not in the vault).
    /// </summary>
    public async Task<ParentTree?> TakeAsync(int position)
    {
        if (position < 0 || !Loadable(_parent!.Nodes[position]))
        {
            return null;
        }

        while (_started.TryPeek(out var first) && first < position)
        {
            _loads[_started.Dequeue()] = null; // a directory that is gone: its load is not needed
        }

        _next = Math.Max(_next, position);
        while (_next < _loads.Length && _started.Count <= Ahead)
        {
            if (Loadable(_parent.Nodes[_next]))
            {
                var id = _parent.Nodes[_next].Subtree!.Value;
                _loads[_next] = Task.Run(() => _reader.LoadTreeAsync(id, _cancellationToken), _cancellationToken);
                _started.Enqueue(_next);
            }

            _next++;
        }

        var load = _loads[position]!;
        _loads[position] = null;
        if (_started.TryPeek(out var head) && head == position)
        {
            _started.Dequeue();
        }

        return new ParentTree(await load.ConfigureAwait(false), _parent.Nodes[position].Subtree!.Value);
    }

    private bool Loadable(TreeNode node) => node is { Type: NodeType.Dir, Subtree: { } id } && _index.Contains(id);
}
