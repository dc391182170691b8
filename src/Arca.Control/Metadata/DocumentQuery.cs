namespace Arca.Control.Metadata;

/// <summary>
/// A listing: documents whose key starts with <see cref="KeyPrefix"/>, whose index fields equal the
/// given values (null: any), whose <c>I3</c> lies in [<see cref="I3From"/>, <see cref="I3To"/>),
/// with keys after <see cref="AfterKey"/>, at most <see cref="Limit"/> of them, in key order.
/// </summary>
public sealed record DocumentQuery
{
    public static DocumentQuery All { get; } = new();

    public string? KeyPrefix { get; init; }

    public string? I1 { get; init; }

    public string? I2 { get; init; }

    public string? I3 { get; init; }

    public string? I3From { get; init; }

    public string? I3To { get; init; }

    public string? AfterKey { get; init; }

    public int Limit { get; init; } = int.MaxValue;
}
