using Arca.Storage.Format;

namespace Arca.Storage.Chunking;

/// <summary>The content-defined chunker's settings, recorded in the vault config (vault-format.md §5).</summary>
public sealed record ChunkerParameters(string Algorithm, int Min, int Avg, int Max)
{
    /// <summary>The default: 128 KiB / 512 KiB / 2 MiB.</summary>
    public static ChunkerParameters Default { get; } = new(FormatIds.ChunkerFastCdcGearV1, 128 * 1024, 512 * 1024, 2 * 1024 * 1024);

    /// <summary>Throws <see cref="ArgumentException"/> when the settings are unusable.</summary>
    public void Validate()
    {
        if (Algorithm != FormatIds.ChunkerFastCdcGearV1)
        {
            throw new ArgumentException($"unknown chunker '{Algorithm}'");
        }

        if (!int.IsPow2(Avg) || Avg < 256 || Min < 64 || Min >= Avg || Max <= Avg || Max > 64 * 1024 * 1024)
        {
            throw new ArgumentException($"chunker sizes must satisfy 64 <= min < avg < max <= 64 MiB with avg a power of two (got {Min}/{Avg}/{Max})");
        }
    }
}
