using System.CommandLine;
using Arca.Storage.Maintenance;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault delete DIR --key-file KEY RECOVERY_POINT</c>: removes a recovery point (its data goes at the next gc).</summary>
internal static class VaultDeleteCommand
{
    public static Command Create()
    {
        var point = new Argument<string>("RECOVERY_POINT") { Description = "The recovery point id (or a unique prefix)." };
        var command = new Command("delete", "Delete a recovery point; 'gc' then frees the data nothing else uses.") { Dir, KeyFile, point, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var reference = parse.GetValue(point)!;
            if (reference == "latest")
            {
                throw new ArgumentException("delete needs an explicit recovery point id, not 'latest'");
            }

            var id = await vault.Reader.ResolveRecoveryPointAsync(reference, ct).ConfigureAwait(false);
            await RecoveryPoints.DeleteAsync(vault, id, ct).ConfigureAwait(false);
            Console.Out.WriteLine($"deleted recovery point {id}");
            return 0;
        }));
        return command;
    }
}
