using Arca.Control.Backup.Internal;
using Arca.Control.Jobs;
using Arca.Control.Metadata;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// Enqueues a new job in one transaction with its idempotency record (Start*Job's IdempotencyToken): the same token with
/// the same request gives the first job back; with a different request it is refused, naming the first job.
/// </summary>
internal static class IdempotentEnqueue
{
    /// <param name="store">The region's metadata store.</param>
    /// <param name="collection">The kind's job collection in that region.</param>
    /// <param name="accountId">The caller's account (tokens are per account and operation).</param>
    /// <param name="operation">The Start operation, e.g. <c>StartBackupJob</c>.</param>
    /// <param name="kind">The job kind as a message names it: <c>backup</c>, <c>copy</c>, <c>restore</c>.</param>
    /// <param name="job">The new job.</param>
    /// <param name="token">The IdempotencyToken, or null.</param>
    /// <param name="fingerprint">What makes two requests the same.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    public static Task<JobRecord> EnqueueAsync(
        IMetadataStore store, Collection<JobRecord> collection, string accountId, string operation, string kind, JobRecord job, string? token, string fingerprint,
        CancellationToken cancellationToken) =>
        store.TransactAsync(async tx =>
        {
            if (token is not null)
            {
                string key = BackupCollections.IdempotencyKey(accountId, operation, token);
                if (await BackupCollections.Idempotency.GetAsync(tx, key).ConfigureAwait(false) is { } first)
                {
                    JobRecord? earlier = await collection.GetAsync(tx, first.Id).ConfigureAwait(false);
                    return first.Fingerprint == fingerprint && earlier is not null
                        ? earlier
                        : throw BackupErrors.InvalidRequest(
                            $"IdempotencyToken: the token was already used for {kind} job {first.Id} with a different request; use a new token");
                }

                await BackupCollections.Idempotency.InsertAsync(tx, new IdempotencyDocument(key, job.JobId, fingerprint)).ConfigureAwait(false);
            }

            await collection.InsertAsync(tx, job).ConfigureAwait(false);
            return job;
        }, cancellationToken);
}
