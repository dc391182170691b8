using Arca.Control.Identity;

namespace Arca.Control.Backup.Jobs;

/// <summary>Every caller sees only its own account's jobs, whatever <c>ByAccountId</c> says (AWS, for a member account).</summary>
public sealed class OwnAccountJobVisibility : IJobVisibility
{
    public Task<IReadOnlyList<string>> ListableAccountsAsync(CallerIdentity caller, string? byAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult<IReadOnlyList<string>>([caller.AccountId]);
    }

    public Task<bool> CanReadAsync(CallerIdentity caller, string jobAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Task.FromResult(caller.AccountId == jobAccountId);
    }
}
