namespace Arca.Control.Backup.Internal;

/// <summary>Tags of Backup resources: keys 1–128 characters and not starting with <c>aws:</c>, values up to 256, at most 50 per resource.</summary>
internal static class TagRules
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    /// <summary>Checks tags given in <paramref name="field"/>; null is no tags.</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyDictionary<string, string>? tags, string field)
    {
        if (tags is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach ((string key, string? value) in tags)
        {
            CheckKey(key, field);
            if (value is null || value.Length > MaxValueLength)
            {
                throw BackupErrors.InvalidParameterValue($"{field}: the value of tag '{Cut(key)}' must be a string of at most {MaxValueLength} characters");
            }
        }

        CheckCount(tags.Count, field);
        return new Dictionary<string, string>(tags, StringComparer.Ordinal);
    }

    public static void CheckKey(string? key, string field)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            throw BackupErrors.InvalidParameterValue($"{field}: a tag key must have 1 to {MaxKeyLength} characters");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw BackupErrors.InvalidParameterValue($"{field}: the tag key '{Cut(key)}' uses the prefix aws:, which is reserved for AWS");
        }
    }

    public static void CheckCount(int count, string field)
    {
        if (count > MaxTags)
        {
            throw BackupErrors.LimitExceeded($"{field}: a resource can have at most {MaxTags} tags; this would give it {count}");
        }
    }

    private static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
