namespace Arca.Cli.Quickstart;

/// <summary>A step of the quickstart failed: the server's AWS error (code and message), a job that did not complete, or a restore that differs.</summary>
internal sealed class QuickstartException(string message) : Exception(message);
