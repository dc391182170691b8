using Arca.Storage.Format;

namespace Arca.Storage.Restore;

/// <summary>
/// What a restore did. <see cref="Errors"/> lists entries that could not be restored (each with its
/// path and reason); the restore is complete only when it is empty.
/// </summary>
public sealed record RestoreResult(long Files, long Bytes, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings);
