using System.CommandLine;
using Arca.Cli.Output;
using Arca.Storage.Blobs;
using Arca.Storage.Copy;
using Arca.Storage.Crypto;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary>
/// <c>arca vault copy DIR --key-file KEY RECOVERY_POINT DEST --dest-key-file KEY2</c>: copies a recovery
/// point into another vault, re-encrypted under that vault's key; prints the new recovery point's id.
/// </summary>
internal static class VaultCopyCommand
{
    public static Command Create()
    {
        var point = new Argument<string>("RECOVERY_POINT") { Description = "A recovery point id, a unique prefix of it, or 'latest'." };
        var dest = new Argument<string>("DEST") { Description = "The destination vault's directory." };
        var destKey = new Option<string>("--dest-key-file") { Description = "Key file of the destination vault.", Required = true };
        var command = new Command("copy", "Copy a recovery point into another vault; only data the destination lacks is moved.") { Dir, KeyFile, point, dest, destKey, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var source = await OpenAsync(parse, ct).ConfigureAwait(false);
            var id = await source.Reader.ResolveRecoveryPointAsync(parse.GetValue(point)!, ct).ConfigureAwait(false);
            var destDir = parse.GetValue(dest)!;
            if (!Directory.Exists(destDir))
            {
                throw new Storage.Repository.VaultException($"vault {destDir} does not exist");
            }

            var destination = await Storage.Repository.Vault.OpenAsync(
                new RetryingBlobStore(new LocalBlobStore(destDir), TimeProvider.System), LocalKeyFile.Load(parse.GetValue(destKey)!), TimeProvider.System, ct).ConfigureAwait(false);
            var options = new CopyOptions();
            var p = options.Progress;
            var json = parse.GetValue(Json);
            CopyResult result;
            var sourceLock = await Storage.Repository.VaultLock.AcquireAsync(source, exclusive: false, "copy", ct).ConfigureAwait(false);
            await using (sourceLock.ConfigureAwait(false))
            {
                var reporter = new ProgressReporter("copy", ProgressReporter.DetectMode(json), () => new ProgressSnapshot(p.BlobsDone, p.BlobsTotal, p.BytesTransferred, -1), TimeProvider.System, Console.Error);
                await using (reporter.ConfigureAwait(false))
                {
                    var reader = await VaultRecoveryPointSource.OpenAsync(source.Reader, ct).ConfigureAwait(false);
                    result = await VaultCopy.RunAsync(reader, id, destination, options, ct).ConfigureAwait(false);
                }
            }

            if (json)
            {
                WriteJson(new CopyOutput(result.RecoveryPointId.ToString(), result.BlobsReferenced, result.BlobsRead, result.BytesRead, result.BlobsWritten, result.BytesTransferred), CliJson.Default.CopyOutput);
            }
            else
            {
                Console.Error.WriteLine($"copied recovery point {id.Short()}: {result.BlobsRead} of {result.BlobsReferenced} blobs read ({Humanize.Bytes(result.BytesRead)}), " +
                    $"{result.BlobsWritten} written ({Humanize.Bytes(result.BytesTransferred)} transferred)");
                Console.Out.WriteLine(result.RecoveryPointId);
            }

            return 0;
        }));
        return command;
    }
}
