namespace Arca.Control.Backup.Copies;

/// <summary>StartCopyJob's output. Arca's copies are never composite (IsParent false).</summary>
public sealed record StartCopyJobResult(string CopyJobId, DateTimeOffset CreationDate, bool IsParent = false);
