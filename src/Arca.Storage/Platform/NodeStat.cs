using Arca.Storage.Format;

namespace Arca.Storage.Platform;

/// <summary>Turns a file's status into a tree node (without content, subtree or target).</summary>
internal static class NodeStat
{
    public const uint PermissionBits = 0xFFF; // 07777

    public static NodeType? TypeOf(in StatxBuffer st) => st.FileType switch
    {
        0x8000 => NodeType.File,
        0x4000 => NodeType.Dir,
        0xA000 => NodeType.Symlink,
        0x1000 => NodeType.Fifo,
        0x2000 => NodeType.Chardev,
        0x6000 => NodeType.Blockdev,
        0xC000 => NodeType.Socket,
        _ => null,
    };

    public static TreeNode ToNode(string name, NodeType type, in StatxBuffer st) => new()
    {
        Name = name,
        Type = type,
        Mode = st.Mode & PermissionBits,
        Uid = st.Uid,
        Gid = st.Gid,
        Mtime = st.MtimeNs,
        Ctime = st.CtimeNs,
        Inode = st.Inode,
        Dev = st.Device,
        Links = st.Links,
        Size = type == NodeType.File ? (long)st.Size : 0,
        Rdev = type is NodeType.Chardev or NodeType.Blockdev ? Posix.MakeDev(st.RdevMajor, st.RdevMinor) : null,
    };

    /// <summary>The file type bits (S_IFMT) for a node type, for mknod.</summary>
    public static uint FileTypeBits(NodeType type) => type switch
    {
        NodeType.Fifo => 0x1000,
        NodeType.Chardev => 0x2000,
        NodeType.Blockdev => 0x6000,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
