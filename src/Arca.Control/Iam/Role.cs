namespace Arca.Control.Iam;

/// <summary>An IAM role of an account (the shape of IAM's <c>Role</c>).</summary>
public sealed record Role
{
    public required string AccountId { get; init; }

    /// <summary>The name as created; unique in the account regardless of case, as in IAM.</summary>
    public required string RoleName { get; init; }

    /// <summary><c>/</c> or <c>/a/b/</c>.</summary>
    public required string Path { get; init; }

    /// <summary><c>AROA…</c>, unique; a role recreated under the same name gets a new one.</summary>
    public required string RoleId { get; init; }

    /// <summary><c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c>.</summary>
    public required string Arn { get; init; }

    /// <summary>The trust policy as the client sent it.</summary>
    public required string AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    /// <summary>The longest session AssumeRole grants, in seconds (3600–43200).</summary>
    public required int MaxSessionDuration { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public IReadOnlyList<RoleTag> Tags { get; init; } = [];
}
