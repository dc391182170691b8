namespace Arca.Storage.Resources.Internal;

/// <summary>Validation of a restore metadata map; every error names its key.</summary>
internal static class RestoreMetadata
{
    /// <summary>Refuses keys outside <paramref name="allowed"/>.</summary>
    public static void RejectUnknown(IReadOnlyDictionary<string, string> metadata, string typeName, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        foreach (var key in metadata.Keys.Order(StringComparer.Ordinal))
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw new ResourceValidationException(key, $"is not a restore metadata key of {typeName} resources (expected {string.Join(", ", allowed)})", null);
            }
        }
    }

    public static string Required(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (!metadata.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            throw new ResourceValidationException(key, "is required", null);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ResourceValidationException(key, "must not contain a NUL character", null);
        }

        return value;
    }

    /// <summary>Overwrite: absent means false; otherwise "true" or "false" (any case).</summary>
    public static bool Overwrite(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(RestoreMetadataKeys.Overwrite, out var value))
        {
            return false;
        }

        return value.Trim().ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            _ => throw new ResourceValidationException(RestoreMetadataKeys.Overwrite, $"must be \"true\" or \"false\", not \"{value}\"", null),
        };
    }

    /// <summary>A required absolute path, normalized.</summary>
    public static string AbsolutePath(IReadOnlyDictionary<string, string> metadata, string key)
    {
        var value = Required(metadata, key);
        return Paths.Absolute(value, key);
    }
}
