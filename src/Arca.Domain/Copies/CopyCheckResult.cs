namespace Arca.Domain.Copies;

/// <summary>The first failing copy check: AWS's status message and message category, or <see cref="Passed"/>.</summary>
public sealed record CopyCheckResult(string? StatusMessage, string? MessageCategory)
{
    public static CopyCheckResult Passed { get; } = new(null, null);

    public bool Ok => StatusMessage is null;
}
