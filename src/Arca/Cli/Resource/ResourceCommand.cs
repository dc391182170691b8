using System.CommandLine;

namespace Arca.Cli.Resource;

/// <summary><c>arca resource …</c>: the account's resource inventory on an Arca server (what backup selections choose from).</summary>
internal static class ResourceCommand
{
    public static Command Create() => new("resource", "Register and manage the resources an Arca server backs up.")
    {
        ResourceRegisterCommand.Create(),
        ResourceListCommand.Create(),
        ResourceDescribeCommand.Create(),
        ResourceTagCommands.CreateTag(),
        ResourceTagCommands.CreateUntag(),
        ResourceTagCommands.CreateDeregister(),
    };
}
