namespace Arca.Domain.Iam;

/// <summary>
/// A policy document is malformed. The message names the offending element by path
/// (<c>Statement[1].Effect must be Allow or Deny</c>) and is suitable as the text of AWS's
/// <c>MalformedPolicyDocumentException</c>; it never includes more of the document than the offending value.
/// </summary>
public sealed class PolicyParseException : Exception
{
    public PolicyParseException()
        : base("Policy document is malformed")
    {
    }

    public PolicyParseException(string message)
        : base(message)
    {
    }

    public PolicyParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
