using Arca.Control.Backup.Internal;
using Arca.Control.Backup.RecoveryPoints.Internal;
using Arca.Control.Backup.Vaults.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;

namespace Arca.Control.Backup.RecoveryPoints;

/// <summary>
/// ListProtectedResources and DescribeProtectedResource: the resources of the caller's account with at least one recovery point
/// in the region (copies included), kept by <see cref="RecoveryPointCatalog"/> as entries come and go.
/// </summary>
/// <remarks>Thread-safe. The restore fields of DescribeProtectedResource (LatestRestore…) are the jobs' and are not filled here.</remarks>
public sealed class ProtectedResourceService(RegionSet regions, Authorizer authorizer, PageTokens tokens)
{
    public async Task<BackupPage<ProtectedResource>> ListAsync(CallerIdentity caller, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        int limit = BackupPaging.Limit(maxResults);
        string scope = $"protected-resources:{caller.AccountId}";
        string? after = BackupPaging.After(tokens, scope, nextToken);
        await authorizer.AuthorizeAsync(caller, "backup:ListProtectedResources", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ProtectedResourceDocument> found = await regions.Get(caller.Region).Store.TransactAsync(
            tx => VaultCollections.ProtectedResources.ListAsync(tx, new DocumentQuery { KeyPrefix = caller.AccountId + "/", I1 = caller.AccountId, AfterKey = after, Limit = limit + 1 }),
            cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(found, limit, tokens, scope, VaultCollections.ProtectedResources.KeyOf, Of);
    }

    /// <exception cref="Errors.AwsServiceException">ResourceNotFoundException when the resource has no recovery point here.</exception>
    public async Task<ProtectedResource> DescribeAsync(CallerIdentity caller, string? resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string arn = ValidResourceArn(resourceArn);
        await authorizer.AuthorizeAsync(caller, "backup:DescribeProtectedResource", arn, cancellationToken: cancellationToken).ConfigureAwait(false);
        ProtectedResourceDocument? found = await regions.Get(caller.Region).Store.TransactAsync(
            tx => VaultCollections.ProtectedResources.GetAsync(tx, VaultCollections.ProtectedResourceKey(caller.AccountId, arn)), cancellationToken).ConfigureAwait(false);
        return found is null
            ? throw BackupErrors.ResourceNotFound($"Resource {arn} has no recovery points in account {caller.AccountId} and region {caller.Region}")
            : Of(found);
    }

    /// <summary>A resource ARN of a request, or MissingParameterValueException / InvalidParameterValueException naming ResourceArn.</summary>
    internal static string ValidResourceArn(string? resourceArn)
    {
        if (string.IsNullOrEmpty(resourceArn))
        {
            throw BackupErrors.Missing("ResourceArn");
        }

        return Arn.TryParse(resourceArn, out Arn? arn, out string? reason)
            ? arn.ToString()
            : throw BackupErrors.InvalidParameterValue($"ResourceArn: {reason}");
    }

    private static ProtectedResource Of(ProtectedResourceDocument d) =>
        new(d.ResourceArn, d.ResourceType, d.ResourceName, d.LastBackupTime, d.LastBackupVaultArn, d.LastRecoveryPointArn);
}
