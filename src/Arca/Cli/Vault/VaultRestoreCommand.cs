using System.CommandLine;
using Arca.Cli.Output;
using Arca.Storage.Restore;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary>
/// <c>arca vault restore DIR --key-file KEY (RECOVERY_POINT|latest) TARGET</c>: TARGET becomes the root of
/// the restored tree. Exit code 1 when any entry could not be restored.
/// </summary>
internal static class VaultRestoreCommand
{
    public static Command Create()
    {
        var point = new Argument<string>("RECOVERY_POINT") { Description = "A recovery point id, a unique prefix of it, or 'latest'." };
        var target = new Argument<string>("TARGET") { Description = "Directory to restore into; it must be new or empty." };
        var overwrite = new Option<bool>("--overwrite") { Description = "Allow a non-empty TARGET; entries in the way are replaced, never followed." };
        var command = new Command("restore", "Restore a recovery point into TARGET.") { Dir, KeyFile, point, target, overwrite, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var id = await vault.Reader.ResolveRecoveryPointAsync(parse.GetValue(point)!, ct).ConfigureAwait(false);
            var options = new RestoreOptions { Overwrite = parse.GetValue(overwrite) };
            var json = parse.GetValue(Json);
            var p = options.Progress;
            RestoreResult result;
            var vaultLock = await Storage.Repository.VaultLock.AcquireAsync(vault, exclusive: false, "restore", ct).ConfigureAwait(false);
            await using (vaultLock.ConfigureAwait(false))
            {
                var reporter = new ProgressReporter("restore", ProgressReporter.DetectMode(json), () => new ProgressSnapshot(p.FilesDone, p.FilesTotal, p.BytesDone, p.BytesTotal), TimeProvider.System, Console.Error);
                await using (reporter.ConfigureAwait(false))
                {
                    result = await DirectoryRestore.RunAsync(vault.Reader, id, parse.GetValue(target)!, options, ct).ConfigureAwait(false);
                }
            }

            if (json)
            {
                WriteJson(result, CliJson.Default.RestoreResult);
            }
            else
            {
                foreach (var w in result.Warnings)
                {
                    Console.Error.WriteLine($"warning: {w.Path}: {w.Reason}");
                }

                foreach (var e in result.Errors)
                {
                    Console.Error.WriteLine($"error: recovery point {id.Short()}: {e.Path}: {e.Reason}");
                }

                Console.Error.WriteLine($"restored {result.Files} files, {Humanize.Bytes(result.Bytes)} from recovery point {id.Short()}");
            }

            return result.Errors.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
