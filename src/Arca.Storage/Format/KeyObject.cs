namespace Arca.Storage.Format;

/// <summary>A key object <c>keys/&lt;keyid&gt;</c>: the master key wrapped by a KEK (vault-format.md §3).</summary>
public sealed record KeyObject
{
    public required int Version { get; init; }

    public required string Provider { get; init; }

    public required string Kek { get; init; }

    public required string Vault { get; init; }

    public required byte[] Wrapped { get; init; }

    public required DateTimeOffset Created { get; init; }
}
