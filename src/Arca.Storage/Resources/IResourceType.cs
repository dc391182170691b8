using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;

namespace Arca.Storage.Resources;

/// <summary>
/// One kind of resource the data plane can back up and restore (docs/design/resources.md). Every type
/// passes the one conformance suite (tests/Arca.Storage.Tests/Resources/ResourceTypeConformance.cs).
/// </summary>
/// <remarks>
/// Implementations are stateless and thread-safe: any number of backups and restores, of the same
/// resource or of different ones, may run at once; each stages its data in its own private scratch
/// directory, which is removed when the operation ends, successfully or not. Secrets (a password in a
/// connection string) never appear in an exception message, a tag, a log or the restore metadata.
/// </remarks>
public interface IResourceType
{
    /// <summary>The persisted type name (<see cref="ResourceTypeNames"/>), recorded in every recovery point's tags.</summary>
    string Name { get; }

    /// <summary>The restore metadata keys this type accepts (<see cref="RestoreMetadataKeys"/>); any other key is refused.</summary>
    IReadOnlyList<string> MetadataKeys { get; }

    /// <summary>
    /// Checks that <paramref name="definition"/> is well formed and that the resource can be read now
    /// (the directory exists, the database opens, the server accepts the credentials). Has no effect on
    /// the resource.
    /// </summary>
    /// <exception cref="ResourceValidationException">The definition is invalid or the resource cannot be read; <see cref="ResourceValidationException.Field"/> names the field.</exception>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is of another type.</exception>
    Task ValidateAsync(ResourceDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Backs up the resource into <paramref name="vault"/> and commits one recovery point whose tags are
    /// <paramref name="options"/>' tags plus this type's <see cref="ResourceTags"/>. The data is read
    /// consistently (see each type); a failure leaves no recovery point behind.
    /// </summary>
    /// <exception cref="ResourceBackupException">The resource could not be read; nothing was committed.</exception>
    /// <exception cref="ArgumentException"><paramref name="definition"/> is of another type, or a caller tag uses a key of <see cref="ResourceTags"/>.</exception>
    /// <exception cref="VaultException">The vault failed (its own errors and the blob store's pass through unchanged).</exception>
    Task<BackupResult> BackupAsync(Vault vault, ResourceDefinition definition, BackupOptions options, CancellationToken cancellationToken = default);

    /// <summary>
    /// The restore metadata a recovery point of this type suggests: exactly the keys of
    /// <see cref="MetadataKeys"/>, pointing at the original resource, with Overwrite "false" (so restoring
    /// them unchanged onto a resource that still exists is refused). Pure: no I/O.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="manifest"/> is a recovery point of another type.</exception>
    IReadOnlyDictionary<string, string> GetRestoreMetadata(Manifest manifest);

    /// <summary>
    /// Restores recovery point <paramref name="recoveryPointId"/> to the target that
    /// <paramref name="metadata"/> names. An existing, non-empty target is refused unless Overwrite is
    /// "true". The restored resource becomes visible only once it is complete and checked where the type
    /// allows it (SQLite, PostgreSQL).
    /// </summary>
    /// <returns>Where the resource was restored: a path, or a database name.</returns>
    /// <exception cref="ResourceValidationException">A metadata key is missing, unknown or invalid; <see cref="ResourceValidationException.Field"/> names it.</exception>
    /// <exception cref="ResourceRestoreException">The target exists and Overwrite is not "true", the recovery point is of another type, or the restore failed.</exception>
    Task<ResourceRestoreResult> RestoreAsync(VaultReader vault, BlobId recoveryPointId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken = default);
}
