namespace Arca.Cli.Output;

/// <summary>A moment of a long operation's progress. Totals are -1 while unknown.</summary>
internal readonly record struct ProgressSnapshot(long FilesDone, long FilesTotal, long BytesDone, long BytesTotal);
