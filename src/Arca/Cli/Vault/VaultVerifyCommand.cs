using System.CommandLine;
using Arca.Cli.Output;
using Arca.Storage.Format;
using Arca.Storage.Verification;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault verify DIR --key-file KEY [RECOVERY_POINT]</c>: reads and checks everything; non-zero exit on any problem.</summary>
internal static class VaultVerifyCommand
{
    public static Command Create()
    {
        var point = new Argument<string?>("RECOVERY_POINT") { Description = "Verify only this recovery point (default: all).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify", "Read every pack the recovery points need and check every hash and tag.") { Dir, KeyFile, point, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            IReadOnlyList<BlobId>? ids = parse.GetValue(point) is { } p ? [await vault.Reader.ResolveRecoveryPointAsync(p, ct).ConfigureAwait(false)] : null;
            VerifyReport report;
            var vaultLock = await Storage.Repository.VaultLock.AcquireAsync(vault, exclusive: false, "verify", ct).ConfigureAwait(false);
            await using (vaultLock.ConfigureAwait(false))
            {
                report = await VaultVerifier.RunAsync(vault.Reader, ids, Environment.ProcessorCount, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(Json))
            {
                WriteJson(report, CliJson.Default.VerifyReport);
            }
            else
            {
                foreach (var e in report.Errors)
                {
                    Console.Error.WriteLine("error: " + e);
                }

                Console.Out.WriteLine($"checked {report.RecoveryPoints} recovery points, {report.Packs} packs ({Humanize.Bytes(report.Bytes)}), {report.Blobs} blobs: " +
                    (report.Errors.Count == 0 ? "no problems" : $"{report.Errors.Count} PROBLEMS"));
            }

            return report.Errors.Count == 0 ? 0 : 1;
        }));
        return command;
    }
}
