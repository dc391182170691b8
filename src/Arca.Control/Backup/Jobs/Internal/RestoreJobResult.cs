namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>Where a restore put the resource.</summary>
internal sealed record RestoreJobResult
{
    /// <summary>The inventory resource that holds the restored data (registered by the restore, or the one already there).</summary>
    public string? CreatedResourceArn { get; init; }

    /// <summary>The path or database name the resource type restored to.</summary>
    public string? RestoredTo { get; init; }
}
