using System.Buffers.Binary;
using System.Text;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// The canonical bytes of an encryption context, bound to a ciphertext as associated data: the number of pairs, then
/// each pair in ordinal order of its key, each string as a big-endian 32-bit length and its UTF-8 bytes. The order in which
/// a client sends the pairs does not matter; a missing, added or changed pair does (docs/design/kms.md §3).
/// </summary>
internal static class EncryptionContexts
{
    public static byte[] Canonical(IReadOnlyDictionary<string, string>? context)
    {
        using var buffer = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, context?.Count ?? 0);
        buffer.Write(length);
        foreach ((string key, string value) in (context ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Write(buffer, key, length);
            Write(buffer, value, length);
        }

        return buffer.ToArray();
    }

    private static void Write(MemoryStream buffer, string text, Span<byte> length)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
