namespace Arca.Domain.Layouts;

/// <summary>An organization backup policy the layout keeps in the management account, attached to exactly these targets.</summary>
public sealed record LayoutBackupPolicy
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The BACKUP_POLICY document, JSON with variables.</summary>
    public required string Content { get; init; }

    /// <summary>Root, OU or account ids (with variables such as <c>${Account:SourceAccount}</c>).</summary>
    public IReadOnlyList<string> Attachments { get; init; } = [];
}
