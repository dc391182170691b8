namespace Arca.Control.Identity;

/// <summary>Who signed a request.</summary>
public enum PrincipalKind
{
    /// <summary>An account's root access key.</summary>
    AccountRoot,

    /// <summary>Temporary credentials from <c>sts:AssumeRole</c>.</summary>
    AssumedRole,
}
