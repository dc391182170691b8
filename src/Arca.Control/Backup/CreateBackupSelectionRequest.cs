using Arca.Domain.Selections;

namespace Arca.Control.Backup;

/// <summary>The input of CreateBackupSelection (besides the plan id). Members mirror the wire: null when absent.</summary>
/// <param name="BackupSelection">Required: the selection.</param>
/// <param name="CreatorRequestId">Idempotency token: a repeated request with the same token returns the selection it created.</param>
public sealed record CreateBackupSelectionRequest(BackupSelection? BackupSelection, string? CreatorRequestId = null);
