using Arca.Control.Identity;

namespace Arca.Control.Backup.Jobs;

/// <summary>
/// Which accounts' jobs a caller may list and read (ListBackupJobs/ListCopyJobs/ListRestoreJobs <c>ByAccountId</c>,
/// Describe*Job). The seam for cross-account monitoring (issue 5): a management or delegated-administrator account with
/// cross-account monitoring enabled sees its organization's jobs with <c>*</c> or a member's id; everyone else sees
/// only their own. <see cref="OrganizationJobVisibility"/> is the implementation.
/// </summary>
/// <remarks>Thread-safe. Called outside any metadata transaction.</remarks>
public interface IJobVisibility
{
    /// <summary>
    /// The accounts a listing shows. <paramref name="byAccountId"/> is null, <c>*</c> or a 12-digit id (already
    /// validated). AWS: from an account that may not monitor others, any value gives the caller's own jobs.
    /// </summary>
    Task<IReadOnlyList<string>> ListableAccountsAsync(CallerIdentity caller, string? byAccountId, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller may read a job of <paramref name="jobAccountId"/> (otherwise it is "not found").</summary>
    Task<bool> CanReadAsync(CallerIdentity caller, string jobAccountId, CancellationToken cancellationToken = default);
}
