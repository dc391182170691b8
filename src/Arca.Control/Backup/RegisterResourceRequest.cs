namespace Arca.Control.Backup;

/// <summary>The input of RegisterResource (Arca's own operation). Members mirror the wire: null when absent.</summary>
/// <param name="Type">Required: <c>Directory</c>, <c>SQLite</c> or <c>PostgreSQL</c>.</param>
/// <param name="Name">Required: 1–128 characters of <c>[A-Za-z0-9-_.]</c>, unique per type in the account and region; the ARN's last part.</param>
/// <param name="Path">Directory and SQLite: the absolute path of the directory or database file.</param>
/// <param name="ConnectionString">PostgreSQL: an Npgsql connection string (sealed at rest, never returned with its password).</param>
/// <param name="Tags">The resource's tags, which tag selections match.</param>
public sealed record RegisterResourceRequest(
    string? Type, string? Name, string? Path = null, string? ConnectionString = null, IReadOnlyDictionary<string, string>? Tags = null)
{
    /// <summary>Never prints the connection string.</summary>
    public override string ToString() =>
        $"RegisterResourceRequest {{ Type = {Type}, Name = {Name}, Path = {Path}, ConnectionString = {(ConnectionString is null ? "null" : "(not shown)")} }}";
}
