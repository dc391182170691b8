using Arca.Storage.Format;

namespace Arca.Storage.Resources;

/// <summary>
/// Where a restore put the resource: a path (Directory, SQLite) or a database name (PostgreSQL), with
/// the warnings it met (for example owners it could not set). A restore that could not restore
/// everything throws instead of returning.
/// </summary>
public sealed record ResourceRestoreResult(string RestoredTo, IReadOnlyList<Problem> Warnings);
