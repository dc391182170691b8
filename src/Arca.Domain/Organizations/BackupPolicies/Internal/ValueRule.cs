namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// What a scalar, a list element or a map key may hold: a description for error messages, a
/// valid sample (used by the schema coverage tests) and a normalizer that returns the canonical
/// text or <see langword="null"/> when the value is not valid.
/// </summary>
internal sealed class ValueRule(string expectation, string sample, Func<string, string?> normalize)
{
    /// <summary>Completes "expected @@assign with …", e.g. <c>a number 1-36500</c>.</summary>
    public string Expectation { get; } = expectation;

    /// <summary>A valid value.</summary>
    public string Sample { get; } = sample;

    /// <summary>The canonical form of <paramref name="raw"/>, or null when it is not valid.</summary>
    public string? Normalize(string raw) => normalize(raw);
}
