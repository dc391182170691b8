namespace Arca.Cli.Organizations;

/// <summary>A call to the server failed; the message is what the user sees (the AWS error code and message).</summary>
internal sealed class OrganizationsCallException : Exception
{
    public OrganizationsCallException()
    {
    }

    public OrganizationsCallException(string message)
        : base(message)
    {
    }

    public OrganizationsCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
