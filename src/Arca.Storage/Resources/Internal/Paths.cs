namespace Arca.Storage.Resources.Internal;

/// <summary>Path checks shared by definitions and restore metadata.</summary>
internal static class Paths
{
    /// <summary>Returns <paramref name="value"/> normalized; it must be absolute and free of NUL.</summary>
    public static string Absolute(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ResourceValidationException(field, "is required", null);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ResourceValidationException(field, "must not contain a NUL character", null);
        }

        if (!Path.IsPathFullyQualified(value))
        {
            throw new ResourceValidationException(field, $"must be an absolute path, not \"{value}\"", null);
        }

        var full = Path.GetFullPath(value);
        return full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full;
    }
}
