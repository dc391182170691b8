namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of accounts and CreateAccount requests (botocore organizations 2016-11-28). Timestamps are epoch seconds.

internal sealed record CreateAccountInput(string? Email, string? AccountName, string? RoleName, string? IamUserAccessToBilling, IReadOnlyList<TagWire>? Tags);

internal sealed record DescribeCreateAccountStatusInput(string? CreateAccountRequestId);

internal sealed record ListCreateAccountStatusInput(IReadOnlyList<string?>? States, string? NextToken, int? MaxResults);

internal sealed record AccountIdInput(string? AccountId);

internal sealed record MoveAccountInput(string? AccountId, string? SourceParentId, string? DestinationParentId);

internal sealed record CreateAccountStatusWire(
    string Id, string AccountName, string State, double RequestedTimestamp, double? CompletedTimestamp, string? AccountId, string? FailureReason);

internal sealed record CreateAccountStatusOutput(CreateAccountStatusWire CreateAccountStatus);

internal sealed record ListCreateAccountStatusOutput(IReadOnlyList<CreateAccountStatusWire> CreateAccountStatuses, string? NextToken);

internal sealed record AccountWire(
    string Id, string Arn, string Email, string Name, string Status, string State, IReadOnlyList<string> Paths, string JoinedMethod, double JoinedTimestamp);

internal sealed record DescribeAccountOutput(AccountWire Account);

internal sealed record ListAccountsOutput(IReadOnlyList<AccountWire> Accounts, string? NextToken);
