using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

using Arca.Domain.Iam.Internal;

namespace Arca.Domain.Iam;

/// <summary>
/// A parsed, validated IAM policy document (identity policy, resource policy or role trust policy).
/// Immutable; obtain one with <see cref="Parse"/> or <see cref="TryParse"/>.
/// </summary>
/// <remarks>
/// Parsing is strict: unknown top-level or statement elements, an element given twice, a wrong JSON
/// type, an empty list, an unknown condition operator, a mistyped condition value (<c>Bool</c>,
/// <c>Null</c>, numeric, date, IP operators), a duplicate <c>Sid</c>, <c>Federated</c> or
/// <c>CanonicalUser</c> principals, and partial wildcards in principals are all rejected.
/// A single-object <c>Statement</c> is statement index 0 in messages and reasons.
/// </remarks>
public sealed record PolicyDocument
{
    /// <summary>Where the document was parsed to be attached; decides which elements it has.</summary>
    public required PolicyKind Kind { get; init; }

    /// <summary>The language version; <see cref="PolicyVersion.Version20081017"/> when <c>Version</c> is absent.</summary>
    public required PolicyVersion Version { get; init; }

    /// <summary>The optional <c>Id</c> element.</summary>
    public string? Id { get; init; }

    /// <summary>The statements, in document order, never empty.</summary>
    public required ImmutableArray<PolicyStatement> Statements { get; init; }

    /// <summary>Parses and validates <paramref name="json"/> as a policy of the given kind.</summary>
    /// <param name="json">The policy text.</param>
    /// <param name="kind">Where the policy is attached.</param>
    /// <param name="maxLength">The largest accepted document, in characters (whitespace included); must be positive.</param>
    /// <exception cref="PolicyParseException">The document is malformed; the message names the offending element.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is not positive.</exception>
    public static PolicyDocument Parse(string json, PolicyKind kind, int maxLength) => PolicyParser.Parse(json, kind, maxLength);

    /// <summary>Parses like <see cref="Parse"/> but reports a malformed document through <paramref name="error"/>.</summary>
    /// <returns>True and the document, or false and the message <see cref="Parse"/> would have thrown.</returns>
    public static bool TryParse(
        string json,
        PolicyKind kind,
        int maxLength,
        [NotNullWhen(true)] out PolicyDocument? document,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            document = PolicyParser.Parse(json, kind, maxLength);
            error = null;
            return true;
        }
        catch (PolicyParseException ex)
        {
            document = null;
            error = ex.Message;
            return false;
        }
    }
}
