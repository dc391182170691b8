namespace Arca.Cli.Client;

/// <summary>The client's credentials, region or endpoint cannot be resolved; the message says what to set.</summary>
public sealed class AwsClientConfigurationException : Exception
{
    public AwsClientConfigurationException()
    {
    }

    public AwsClientConfigurationException(string message)
        : base(message)
    {
    }

    public AwsClientConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
