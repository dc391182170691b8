namespace Arca.Control.Backup;

/// <summary>A resource of an account's inventory, as Arca returns it.</summary>
/// <param name="ResourceArn"><c>arn:aws:arca:REGION:ACCOUNT:directory/NAME</c> (or <c>sqlite/</c>, <c>postgresql/</c>).</param>
/// <param name="ResourceType"><c>Directory</c>, <c>SQLite</c> or <c>PostgreSQL</c>.</param>
/// <param name="ResourceName">The name given at registration.</param>
/// <param name="Path">Directory and SQLite: the path.</param>
/// <param name="ConnectionString">PostgreSQL: the connection string without its password.</param>
/// <param name="Tags">The resource's tags.</param>
/// <param name="CreationDate">When it was registered.</param>
public sealed record InventoryResource(
    string ResourceArn,
    string ResourceType,
    string ResourceName,
    string? Path,
    string? ConnectionString,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreationDate);
