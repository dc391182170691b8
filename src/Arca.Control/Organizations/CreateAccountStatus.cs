namespace Arca.Control.Organizations;

/// <summary>A CreateAccount request and its outcome.</summary>
/// <param name="Id"><c>car-</c> and 32 characters of <c>[a-z0-9]</c>.</param>
/// <param name="AccountName">The requested name.</param>
/// <param name="State">In progress, succeeded or failed.</param>
/// <param name="RequestedTimestamp">When it was asked for.</param>
/// <param name="CompletedTimestamp">When it ended, unless in progress.</param>
/// <param name="AccountId">The new account, when it succeeded.</param>
/// <param name="FailureReason">AWS's reason (<c>EMAIL_ALREADY_EXISTS</c>…), when it failed.</param>
public sealed record CreateAccountStatus(
    string Id,
    string AccountName,
    CreateAccountState State,
    DateTimeOffset RequestedTimestamp,
    DateTimeOffset? CompletedTimestamp,
    string? AccountId,
    string? FailureReason);
