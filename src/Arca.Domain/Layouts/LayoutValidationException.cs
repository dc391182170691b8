namespace Arca.Domain.Layouts;

/// <summary>A layout file that does not load; <see cref="Exception.Message"/> is every error, one per line.</summary>
public sealed class LayoutValidationException : Exception
{
    public LayoutValidationException(IReadOnlyList<LayoutError> errors)
        : base(string.Join('\n', (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public LayoutValidationException()
        : this([])
    {
    }

    public LayoutValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public LayoutValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<LayoutError> Errors { get; }
}
