namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted CreateAccount request.</summary>
internal sealed record CreateAccountStatusRecord
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string AccountName { get; init; }

    public required CreateAccountState State { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? AccountId { get; init; }

    public string? FailureReason { get; init; }

    public CreateAccountStatus ToStatus() => new(Id, AccountName, State, RequestedAt, CompletedAt, AccountId, FailureReason);
}
