namespace Arca.Control.Identity;

/// <summary>Long-term keys of an account root, or temporary keys of an STS session.</summary>
public enum AccessKeyKind
{
    /// <summary><c>AKIA…</c>: an account root's long-term key.</summary>
    Root,

    /// <summary><c>ASIA…</c> with a session token and an expiry: from <c>sts:AssumeRole</c>.</summary>
    Session,
}
