namespace Arca.Storage.Resources;

/// <summary>
/// A resource definition or a restore metadata map is invalid. <see cref="Field"/> names the offending
/// field or metadata key, and the message starts with it. Never carries a secret.
/// </summary>
public sealed class ResourceValidationException : Exception
{
    public ResourceValidationException()
    {
        Field = string.Empty;
    }

    public ResourceValidationException(string message)
        : base(message)
    {
        Field = string.Empty;
    }

    public ResourceValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="field"/>; the message becomes "<c>field: reason</c>".</summary>
    public ResourceValidationException(string field, string reason, Exception? innerException)
        : base($"{field}: {reason}", innerException)
    {
        Field = field;
    }

    /// <summary>The definition field or metadata key that is invalid.</summary>
    public string Field { get; }
}
