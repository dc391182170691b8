using System.CommandLine;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault …</c>: the vault engine on the command line.</summary>
internal static class VaultCommand
{
    public static Command Create() => new("vault", "Work with an encrypted, deduplicated vault directly (no server).")
    {
        VaultInitCommand.Create(),
        VaultBackupCommand.Create(),
        VaultListCommand.Create(),
        VaultRestoreCommand.Create(),
        VaultCopyCommand.Create(),
        VaultVerifyCommand.Create(),
        VaultDeleteCommand.Create(),
        VaultGcCommand.Create(),
        VaultUnlockCommand.Create(),
    };
}
