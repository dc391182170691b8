namespace Arca.Domain.Iam;

/// <summary>The verdict of one policy on one request.</summary>
public enum PolicyDecision
{
    /// <summary>No statement applies.</summary>
    NotApplicable,

    /// <summary>An Allow statement applies and no Deny statement does.</summary>
    Allow,

    /// <summary>A Deny statement applies.</summary>
    Deny,
}
