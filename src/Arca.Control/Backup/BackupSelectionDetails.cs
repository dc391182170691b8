using Arca.Domain.Selections;

namespace Arca.Control.Backup;

/// <summary>A plan's selection and its metadata (GetBackupSelection; list members use a subset).</summary>
public sealed record BackupSelectionDetails(
    BackupSelection BackupSelection, string SelectionId, string BackupPlanId, DateTimeOffset CreationDate, string? CreatorRequestId);
