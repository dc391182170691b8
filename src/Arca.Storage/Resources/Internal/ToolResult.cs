namespace Arca.Storage.Resources.Internal;

/// <summary>What an external tool did: its exit code and the (tail of the) text it printed.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr);
