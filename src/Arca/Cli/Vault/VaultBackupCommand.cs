using System.CommandLine;
using Arca.Cli.Output;
using Arca.Storage.Backup;
using Arca.Storage.Format;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary>
/// <c>arca vault backup DIR --key-file KEY SOURCE</c>: backs up a directory and prints the new recovery
/// point's id. Exit code 3 when the recovery point is partial (some entries could not be captured).
/// </summary>
internal static class VaultBackupCommand
{
    public const int PartialExitCode = 3;

    public static Command Create()
    {
        var source = new Argument<string>("SOURCE") { Description = "The directory to back up." };
        var parent = new Option<string?>("--parent") { Description = "Recovery point to compare with (default: the latest one of the same source and host)." };
        var tags = new Option<string[]>("--tag") { Description = "A tag key=value for the recovery point (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("backup", "Back up the directory SOURCE into the vault; print the recovery point id.") { Dir, KeyFile, source, parent, tags, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var root = Path.GetFullPath(parse.GetValue(source)!);
            var options = new BackupOptions
            {
                Parent = await ResolveParentAsync(vault, parse.GetValue(parent), root, ct).ConfigureAwait(false),
                Tags = ParseTags(parse.GetValue(tags) ?? []),
            };
            var json = parse.GetValue(Json);
            BackupResult result;
            var p = options.Progress;
            var reporter = new ProgressReporter("backup", ProgressReporter.DetectMode(json), () => new ProgressSnapshot(p.FilesDone, p.FilesTotal, p.BytesDone, p.BytesTotal), TimeProvider.System, Console.Error);
            await using (reporter.ConfigureAwait(false))
            {
                result = await DirectoryBackup.RunAsync(vault, root, options, ct).ConfigureAwait(false);
            }

            var m = result.Manifest;
            if (json)
            {
                WriteJson(new BackupOutput(result.RecoveryPointId.ToString(), m.Parent, m.Partial, m.Problems, m.Summary), CliJson.Default.BackupOutput);
            }
            else
            {
                var s = m.Summary;
                Console.Error.WriteLine($"files: {s.FilesNew} new, {s.FilesChanged} changed, {s.FilesUnmodified} unmodified; {s.Dirs} dirs; " +
                    $"{Humanize.Bytes(s.Bytes)} processed, {Humanize.Bytes(s.DataAdded)} added ({Humanize.Bytes(s.DataAddedStored)} stored) in {s.DurationSeconds:0.00}s");
                foreach (var problem in m.Problems)
                {
                    Console.Error.WriteLine($"warning: {problem.Path}: {problem.Reason}");
                }

                if (m.Partial)
                {
                    Console.Error.WriteLine($"warning: recovery point is PARTIAL: {m.Problems.Count} entries could not be captured faithfully");
                }

                Console.Out.WriteLine(result.RecoveryPointId);
            }

            return m.Partial ? PartialExitCode : 0;
        }));
        return command;
    }

    private static async Task<BlobId?> ResolveParentAsync(Storage.Repository.Vault vault, string? reference, string root, CancellationToken ct)
    {
        if (reference is not null)
        {
            return await vault.Reader.ResolveRecoveryPointAsync(reference, ct).ConfigureAwait(false);
        }

        var all = await vault.Reader.ListRecoveryPointsAsync(ct).ConfigureAwait(false);
        var latest = all.LastOrDefault(r => r.Manifest.Source == root && r.Manifest.Hostname == Environment.MachineName);
        return latest.Manifest is null ? null : latest.Id;
    }

    private static Dictionary<string, string> ParseTags(string[] tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var eq = tag.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ArgumentException($"--tag '{tag}' is not key=value");
            }

            result[tag[..eq]] = tag[(eq + 1)..];
        }

        return result;
    }
}
