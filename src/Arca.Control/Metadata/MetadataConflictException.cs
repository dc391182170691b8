namespace Arca.Control.Metadata;

/// <summary>A document changed under an optimistic write (its version was not the expected one).</summary>
public sealed class MetadataConflictException : Exception
{
    public MetadataConflictException()
    {
    }

    public MetadataConflictException(string message)
        : base(message)
    {
    }

    public MetadataConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
