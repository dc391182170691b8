using System.Text.Json.Serialization;

namespace Arca.Storage.Format;

/// <summary>Type of a tree node, persisted as its lower-case name.</summary>
public enum NodeType
{
    [JsonStringEnumMemberName("file")]
    File,
    [JsonStringEnumMemberName("dir")]
    Dir,
    [JsonStringEnumMemberName("symlink")]
    Symlink,
    [JsonStringEnumMemberName("fifo")]
    Fifo,
    [JsonStringEnumMemberName("chardev")]
    Chardev,
    [JsonStringEnumMemberName("blockdev")]
    Blockdev,
    [JsonStringEnumMemberName("socket")]
    Socket,
}
