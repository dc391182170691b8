using Arca.Cli;

return await ArcaCommandLine.RunAsync(args).ConfigureAwait(false);
