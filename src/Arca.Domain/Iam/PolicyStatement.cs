using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>One statement of a <see cref="PolicyDocument"/>.</summary>
public sealed record PolicyStatement
{
    /// <summary>The statement's position in the document, from 0 (a single-object <c>Statement</c> is index 0).</summary>
    public required int Index { get; init; }

    /// <summary>The statement id, if any.</summary>
    public string? Sid { get; init; }

    /// <summary>Allow or Deny.</summary>
    public required StatementEffect Effect { get; init; }

    /// <summary>The <c>Principal</c> element; null in identity policies and when <see cref="NotPrincipal"/> is used.</summary>
    public PrincipalSet? Principal { get; init; }

    /// <summary>The <c>NotPrincipal</c> element, if used (resource policies only, with Deny only).</summary>
    public PrincipalSet? NotPrincipal { get; init; }

    /// <summary>The <c>Action</c> or (negated) <c>NotAction</c> element.</summary>
    public required PatternList Action { get; init; }

    /// <summary>The <c>Resource</c> or (negated) <c>NotResource</c> element; null in role trust policies, where it matches any resource.</summary>
    public PatternList? Resource { get; init; }

    /// <summary>The condition clauses, all of which must hold; empty when there is no <c>Condition</c>.</summary>
    public ImmutableArray<ConditionClause> Conditions { get; init; } = [];
}
