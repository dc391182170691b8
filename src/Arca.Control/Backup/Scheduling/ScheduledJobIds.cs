using System.Security.Cryptography;
using System.Text;

namespace Arca.Control.Backup.Scheduling;

/// <summary>
/// The id of a scheduled backup job, derived from (plan, rule, scheduled time, resource): the same firing always gets
/// the same id, so a scheduler that crashed after creating jobs and before moving its mark creates none twice. Shaped
/// like a UUIDv7 whose time is the scheduled time (its text sorts with the on-demand jobs' UUIDv7 ids); the other bits
/// are a SHA-256 of the four parts.
/// </summary>
internal static class ScheduledJobIds
{
    public static string For(string planId, string ruleId, DateTimeOffset scheduledAt, string resourceArn)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{planId}\n{ruleId}\n{scheduledAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{resourceArn}"));
        Span<byte> id = stackalloc byte[16];
        long milliseconds = scheduledAt.ToUnixTimeMilliseconds();
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
