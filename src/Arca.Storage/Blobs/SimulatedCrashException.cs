namespace Arca.Storage.Blobs;

/// <summary>Thrown by <see cref="FaultInjectingBlobStore"/> after its simulated crash.</summary>
public sealed class SimulatedCrashException : BlobStoreException
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
