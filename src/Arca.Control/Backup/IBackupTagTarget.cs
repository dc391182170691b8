using Arca.Control.Metadata;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup;

/// <summary>
/// One kind of taggable Backup resource for TagResource, UntagResource and ListTags (<see cref="BackupTagService"/>):
/// plans and Arca resources now; vaults and recovery points register their own target later. Register targets
/// explicitly (one per <see cref="Kind"/>).
/// </summary>
/// <remarks>
/// Both methods run inside the transaction of the store of the ARN's region, which is the caller's region.
/// Implementations are stateless and thread-safe.
/// </remarks>
public interface IBackupTagTarget
{
    /// <summary>The ARN kind this target tags.</summary>
    ArnKind Kind { get; }

    /// <summary>The resource's tags, or null when the caller's account has no such resource.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn);

    /// <summary>Replaces the resource's tags (it exists: <see cref="GetTagsAsync"/> was just called in the same transaction).</summary>
    /// <exception cref="Errors.AwsServiceException">The resource may not be changed (e.g. an organization-managed plan).</exception>
    Task SetTagsAsync(IMetadataTransaction transaction, string accountId, Arn arn, IReadOnlyDictionary<string, string> tags);

    /// <summary>
    /// The resource policy that also governs tagging the resource (a vault's access policy, for vaults and their recovery
    /// points), or null (the default). Runs in its own transaction of the region's store, before authorization.
    /// </summary>
    Task<NamedPolicy?> GetResourcePolicyAsync(IMetadataTransaction transaction, string accountId, Arn arn) => Task.FromResult<NamedPolicy?>(null);
}
