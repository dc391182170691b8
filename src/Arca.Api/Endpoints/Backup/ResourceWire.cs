namespace Arca.Api.Endpoints.Backup;

/// <summary>RegisterResource's body (Arca's own operation).</summary>
internal sealed record RegisterResourceBody(string? Type, string? Name, string? Path, string? ConnectionString, Dictionary<string, string>? Tags)
{
    /// <summary>Never prints the connection string.</summary>
    public override string ToString() => $"RegisterResourceBody {{ Type = {Type}, Name = {Name}, Path = {Path} }}";
}

/// <summary>A resource in DescribeResource, ListResources and RegisterResource outputs; the connection string has no password.</summary>
internal sealed record ResourceOutput(
    string ResourceArn,
    string ResourceType,
    string ResourceName,
    string? Path,
    string? ConnectionString,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset CreationDate);

/// <summary>The output of ListResources.</summary>
internal sealed record ListResourcesOutput(IReadOnlyList<ResourceOutput> Resources, string? NextToken);
