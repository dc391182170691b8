namespace Arca.Control.Backup.Internal;

/// <summary>
/// <c>resources/{account}/{arn}</c>: a resource of the account's inventory. i1 = account, i2 = resource type.
/// The connection string is stored only sealed (region master key; associated data = the ARN).
/// </summary>
internal sealed record ResourceDocument
{
    public required string AccountId { get; init; }

    public required string ResourceArn { get; init; }

    /// <summary><c>Directory</c>, <c>SQLite</c> or <c>PostgreSQL</c>.</summary>
    public required string ResourceType { get; init; }

    public required string ResourceName { get; init; }

    /// <summary>Directory, SQLite: the absolute path.</summary>
    public string? Path { get; init; }

    /// <summary>PostgreSQL: the connection string sealed by <see cref="Identity.SecretSealer"/>.</summary>
    public string? SealedConnectionString { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreationDate { get; init; }
}
