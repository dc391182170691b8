namespace Arca.Storage.Blobs;

/// <summary>Validation of object keys, shared by every store.</summary>
public static class BlobKeys
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="key"/> is a valid relative key.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > 1024 || key[0] == '/' || key[^1] == '/')
        {
            throw new ArgumentException($"invalid blob key '{key}'", nameof(key));
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'))
            {
                throw new ArgumentException($"invalid character in blob key '{key}'", nameof(key));
            }
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                throw new ArgumentException($"invalid segment in blob key '{key}'", nameof(key));
            }
        }
    }
}
