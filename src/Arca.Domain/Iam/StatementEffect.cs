namespace Arca.Domain.Iam;

/// <summary>A statement's <c>Effect</c>.</summary>
public enum StatementEffect
{
    /// <summary>The statement grants what it matches.</summary>
    Allow,

    /// <summary>The statement explicitly denies what it matches; an explicit deny always wins.</summary>
    Deny,
}
