using System.Buffers.Text;
using System.Text;

namespace Arca.Control.Backup.Internal;

/// <summary>Identifiers of plans, versions and selections.</summary>
internal static class BackupIds
{
    /// <summary>A UUID (version 7: its text sorts by creation time, so listings come out oldest first), lower case.</summary>
    public static string NewId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString();

    /// <summary>A version id shaped like AWS's (base64 of a UUID's text, 48 characters), URL-safe.</summary>
    public static string NewVersionId() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Guid.NewGuid().ToString()));
}
