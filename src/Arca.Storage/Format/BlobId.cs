using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Arca.Storage.Format;

/// <summary>
/// A 32-byte identifier: a blob id (keyed HMAC of the plaintext) or an object id (SHA-256 of the
/// stored bytes). Equality and hashing are cheap; the hex form has 64 lowercase digits.
/// </summary>
public readonly struct BlobId : IEquatable<BlobId>, IComparable<BlobId>
{
    public const int Size = 32;
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly ulong _c;
    private readonly ulong _d;

    public BlobId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"an id has {Size} bytes, not {bytes.Length}", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _d = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _c);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _d);
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first <paramref name="digits"/> hex digits, for messages.</summary>
    public string Short(int digits = 12) => ToString()[..digits];

    public static BlobId Parse(string hex) =>
        TryParse(hex, out var id) ? id : throw new FormatException($"'{hex}' is not a 64-digit hex id");

    public static bool TryParse([NotNullWhen(true)] string? hex, out BlobId id)
    {
        id = default;
        if (hex is null || hex.Length != Size * 2)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[Size];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != Size)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        id = new BlobId(bytes);
        return true;
    }

    public bool Equals(BlobId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    public override bool Equals(object? obj) => obj is BlobId other && Equals(other);

    public override int GetHashCode() => (int)_a ^ (int)(_a >> 32);

    public int CompareTo(BlobId other)
    {
        var c = _a.CompareTo(other._a);
        if (c != 0)
        {
            return c;
        }

        c = _b.CompareTo(other._b);
        return c != 0 ? c : (c = _c.CompareTo(other._c)) != 0 ? c : _d.CompareTo(other._d);
    }

    public static bool operator ==(BlobId left, BlobId right) => left.Equals(right);

    public static bool operator !=(BlobId left, BlobId right) => !left.Equals(right);

    public static bool operator <(BlobId left, BlobId right) => left.CompareTo(right) < 0;

    public static bool operator >(BlobId left, BlobId right) => left.CompareTo(right) > 0;

    public static bool operator <=(BlobId left, BlobId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(BlobId left, BlobId right) => left.CompareTo(right) >= 0;
}
