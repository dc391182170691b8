namespace Arca.Cli.Resource;

/// <summary>A call to the server failed; the message is what the user sees (the AWS error code and message).</summary>
internal sealed class ServiceCallException : Exception
{
    public ServiceCallException()
    {
    }

    public ServiceCallException(string message)
        : base(message)
    {
    }

    public ServiceCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
