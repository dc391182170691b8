using System.CommandLine;
using Arca.Storage.Repository;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault unlock DIR --key-file KEY [--all]</c>: removes stale locks (or every lock).</summary>
internal static class VaultUnlockCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Remove every lock, not only stale ones (only when no other arca process uses the vault)." };
        var command = new Command("unlock", "Remove stale locks left by processes that died.") { Dir, KeyFile, all };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var removed = await VaultLock.RemoveStaleAsync(vault, parse.GetValue(all), ct).ConfigureAwait(false);
            Console.Out.WriteLine($"removed {removed} locks");
            return 0;
        }));
        return command;
    }
}
