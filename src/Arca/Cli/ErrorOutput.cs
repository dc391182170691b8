namespace Arca.Cli;

/// <summary>A command's failure, as JSON on stdout with <c>--json</c>.</summary>
internal sealed record ErrorOutput(string Error);
