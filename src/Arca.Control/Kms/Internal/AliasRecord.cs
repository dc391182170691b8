namespace Arca.Control.Kms.Internal;

/// <summary>An alias as stored in its region's metadata store (collection <c>kms-aliases</c>).</summary>
internal sealed record AliasRecord
{
    public required string AccountId { get; init; }

    /// <summary><c>alias/NAME</c>, as created (case-sensitive).</summary>
    public required string AliasName { get; init; }

    public required string AliasArn { get; init; }

    public required string TargetKeyId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }

    public required DateTimeOffset LastUpdatedDate { get; init; }

    public KmsAlias ToAlias() => new(AliasName, AliasArn, TargetKeyId, CreationDate, LastUpdatedDate);
}
