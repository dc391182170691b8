using System.CommandLine;
using Arca.Cli.Output;
using Arca.Storage.Maintenance;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault gc DIR --key-file KEY</c>: removes data that no recovery point references (exclusive lock).</summary>
internal static class VaultGcCommand
{
    public static Command Create()
    {
        var command = new Command("gc", "Remove data no recovery point references.") { Dir, KeyFile, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var report = await GarbageCollector.RunAsync(vault, new GcOptions(), ct).ConfigureAwait(false);
            if (parse.GetValue(Json))
            {
                WriteJson(report, CliJson.Default.GcReport);
            }
            else
            {
                Console.Out.WriteLine($"{report.RecoveryPoints} recovery points kept; {report.PacksDeleted} packs deleted, {report.PacksRepacked} repacked, " +
                    $"{report.BlobsRemoved} blobs removed, {Humanize.Bytes(report.BytesFreed)} freed");
            }

            return 0;
        }));
        return command;
    }
}
