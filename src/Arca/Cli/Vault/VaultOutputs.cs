using Arca.Storage.Format;

namespace Arca.Cli.Vault;

/// <summary>Output of <c>arca vault init --json</c>.</summary>
internal sealed record InitOutput(string Vault, string Id, string KeyFile, bool KeyFileCreated);

/// <summary>Output of <c>arca vault backup --json</c>.</summary>
internal sealed record BackupOutput(string RecoveryPoint, string? Parent, bool Partial, IReadOnlyList<Problem> Problems, BackupSummary Summary);

/// <summary>One row of <c>arca vault list --json</c>.</summary>
internal sealed record ListEntry(string Id, DateTimeOffset Time, string Source, string Hostname, long Files, long Bytes, bool Partial, string? Parent, IReadOnlyDictionary<string, string> Tags);

/// <summary>Output of <c>arca vault copy --json</c>.</summary>
internal sealed record CopyOutput(string RecoveryPoint, long BlobsReferenced, long BlobsRead, long BytesRead, long BlobsWritten, long BytesTransferred);
