namespace Arca.Storage.Maintenance;

/// <summary>What a garbage collection removed and rewrote.</summary>
public sealed record GcReport(
    int RecoveryPoints,
    int PacksKept,
    int PacksDeleted,
    int PacksRepacked,
    long BlobsRemoved,
    long BytesFreed,
    int IndexObjectsWritten,
    int IndexObjectsDeleted);
