using System.Data.Common;
using System.Text;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// StartRestoreJob's <c>Metadata</c> checked before the job is queued, with the keys of docs/design/resources.md §4;
/// every error names its key (<c>Metadata.TargetPath: …</c>). The resource type checks them again when it restores.
/// </summary>
internal static class RestoreMetadataRules
{
    private const int MaxDatabaseNameBytes = 63;

    public static IReadOnlyDictionary<string, string> Validate(IResourceType type, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            throw BackupErrors.Missing("Metadata");
        }

        foreach (string key in metadata.Keys.Order(StringComparer.Ordinal))
        {
            if (!type.MetadataKeys.Contains(key, StringComparer.Ordinal))
            {
                throw Invalid(key, $"is not a restore metadata key of {type.Name} resources (accepted: {string.Join(", ", type.MetadataKeys)})");
            }

            if (metadata[key] is null || metadata[key].Contains('\0', StringComparison.Ordinal))
            {
                throw Invalid(key, "must be a string without NUL characters");
            }
        }

        foreach (string key in Required(type))
        {
            if (!metadata.TryGetValue(key, out string? value) || string.IsNullOrWhiteSpace(value))
            {
                throw BackupErrors.MissingParameterValue($"Metadata.{key}: is required to restore a {type.Name} resource");
            }
        }

        if (metadata.TryGetValue(RestoreMetadataKeys.TargetPath, out string? target) && !Path.IsPathFullyQualified(target))
        {
            throw Invalid(RestoreMetadataKeys.TargetPath, $"'{JobInputs.Cut(target)}' must be an absolute path");
        }

        if (metadata.TryGetValue(RestoreMetadataKeys.Overwrite, out string? overwrite) && !IsBool(overwrite))
        {
            throw Invalid(RestoreMetadataKeys.Overwrite, $"must be \"true\" or \"false\", not '{JobInputs.Cut(overwrite)}'");
        }

        if (metadata.TryGetValue(RestoreMetadataKeys.DatabaseName, out string? database) && Encoding.UTF8.GetByteCount(database) > MaxDatabaseNameBytes)
        {
            throw Invalid(RestoreMetadataKeys.DatabaseName, $"must be at most {MaxDatabaseNameBytes} bytes (PostgreSQL's limit for names)");
        }

        if (metadata.TryGetValue(RestoreMetadataKeys.ConnectionString, out string? connection))
        {
            CheckConnectionString(connection);
        }

        return new Dictionary<string, string>(metadata, StringComparer.Ordinal);
    }

    /// <summary>The metadata as users see it again (GetRestoreJobMetadata): a connection string without its password.</summary>
    public static IReadOnlyDictionary<string, string> Redacted(IReadOnlyDictionary<string, string> metadata) =>
        metadata.ToDictionary(
            p => p.Key,
            p => p.Key == RestoreMetadataKeys.ConnectionString ? Backup.Internal.ResourceKinds.Redact(p.Value) : p.Value,
            StringComparer.Ordinal);

    private static IEnumerable<string> Required(IResourceType type) =>
        type.MetadataKeys.Contains(RestoreMetadataKeys.ConnectionString, StringComparer.Ordinal)
            ? [RestoreMetadataKeys.ConnectionString, RestoreMetadataKeys.DatabaseName]
            : type.MetadataKeys.Where(k => k == RestoreMetadataKeys.TargetPath);

    private static bool IsBool(string value) => value.Trim().ToUpperInvariant() is "TRUE" or "FALSE";

    private static void CheckConnectionString(string connection)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connection };
        }
        catch (ArgumentException)
        {
            throw Invalid(RestoreMetadataKeys.ConnectionString, "is not a connection string (Host=…;Port=…;Username=…;Password=…)");
        }

        if (!builder.ContainsKey("Host") && !builder.ContainsKey("Server"))
        {
            throw Invalid(RestoreMetadataKeys.ConnectionString, "must name the server's Host");
        }
    }

    private static Errors.AwsServiceException Invalid(string key, string problem) => BackupErrors.InvalidParameterValue($"Metadata.{key}: {problem}");
}
