namespace Arca.Cli.Output;

/// <summary>A JSON progress line (stderr, with <c>--json</c>).</summary>
internal sealed record ProgressLine(string Type, string Operation, long FilesDone, long FilesTotal, long BytesDone, long BytesTotal, double ElapsedSeconds, double? PercentDone);
