using System.CommandLine;
using Arca.Cli.Layouts;
using Arca.Cli.Organizations;
using Arca.Cli.Quickstart;
using Arca.Cli.Resource;
using Arca.Cli.Server;
using Arca.Cli.Vault;

namespace Arca.Cli;

/// <summary>Builds the `arca` command tree and runs it.</summary>
internal static class ArcaCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Arca: self-hosted data protection that speaks AWS Backup's protocols.")
        {
            VaultCommand.Create(),
            ServerCommand.Create(),
            ResourceCommand.Create(),
            OrganizationsCommand.Create(),
            ApplyCommand.Create(),
            DestroyCommand.Create(),
            QuickstartCommand.Create(),
        };
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
