namespace Arca.Cli.Output;

/// <summary>How a command reports: a redrawn bar on a terminal, plain lines otherwise, JSON for scripts.</summary>
internal enum OutputMode
{
    Terminal,
    Plain,
    Json,
}
