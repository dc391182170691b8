using System.Security.Cryptography;
using System.Text;

namespace Arca.Control.Backup.Copies.Internal;

/// <summary>
/// The id of a copy job a rule's copy action starts, derived from (backup job, copy action index): a backup attempt that
/// enqueued its copies and then died is retried and enqueues nothing twice. Shaped like a UUIDv7 whose time is the backup
/// job's creation (its text sorts with the other jobs' ids); the other bits are a SHA-256 of the two parts.
/// </summary>
internal static class CopyJobIds
{
    public static string ForCopyAction(string backupJobId, int actionIndex, DateTimeOffset time)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"copy-action\n{backupJobId}\n{actionIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        Span<byte> id = stackalloc byte[16];
        long milliseconds = time.ToUnixTimeMilliseconds();
        for (int i = 0; i < 6; i++)
        {
            id[i] = (byte)(milliseconds >> (8 * (5 - i)));
        }

        hash.AsSpan(0, 10).CopyTo(id[6..]);
        id[6] = (byte)(0x70 | (id[6] & 0x0F));
        id[8] = (byte)(0x80 | (id[8] & 0x3F));
        string hex = Convert.ToHexStringLower(id);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }
}
