using System.Runtime.InteropServices;

namespace Arca.Storage.Platform;

/// <summary>Linux <c>struct statx</c> (256 bytes, the same layout on every architecture).</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuffer
{
    [FieldOffset(0)] public uint Mask;
    [FieldOffset(4)] public uint BlockSize;
    [FieldOffset(16)] public uint Links;
    [FieldOffset(20)] public uint Uid;
    [FieldOffset(24)] public uint Gid;
    [FieldOffset(28)] public ushort Mode;
    [FieldOffset(32)] public ulong Inode;
    [FieldOffset(40)] public ulong Size;
    [FieldOffset(48)] public ulong Blocks;
    [FieldOffset(96)] public long CtimeSeconds;
    [FieldOffset(104)] public uint CtimeNanoseconds;
    [FieldOffset(112)] public long MtimeSeconds;
    [FieldOffset(120)] public uint MtimeNanoseconds;
    [FieldOffset(128)] public uint RdevMajor;
    [FieldOffset(132)] public uint RdevMinor;
    [FieldOffset(136)] public uint DevMajor;
    [FieldOffset(140)] public uint DevMinor;

    public readonly long MtimeNs => (MtimeSeconds * 1_000_000_000) + MtimeNanoseconds;

    public readonly long CtimeNs => (CtimeSeconds * 1_000_000_000) + CtimeNanoseconds;

    public readonly ulong Device => ((ulong)DevMajor << 32) | DevMinor;

    public readonly int FileType => Mode & 0xF000;
}
