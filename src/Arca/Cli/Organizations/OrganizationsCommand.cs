using System.CommandLine;

namespace Arca.Cli.Organizations;

/// <summary><c>arca organizations …</c>: views of an Arca server's organization that AWS's own tools do not have.</summary>
internal static class OrganizationsCommand
{
    public static Command Create() => new("organizations", "Arca's extensions to AWS Organizations (use the AWS CLI for the rest).")
    {
        EffectiveBackupPolicyCommand.Create(),
    };
}
