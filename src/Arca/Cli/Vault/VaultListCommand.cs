using System.CommandLine;
using System.Globalization;
using Arca.Cli.Output;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault list DIR --key-file KEY [--json]</c>: the vault's recovery points, oldest first.</summary>
internal static class VaultListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the vault's recovery points.") { Dir, KeyFile, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var vault = await OpenAsync(parse, ct).ConfigureAwait(false);
            var entries = (await vault.Reader.ListRecoveryPointsAsync(ct).ConfigureAwait(false))
                .Select(r => new ListEntry(r.Id.ToString(), r.Manifest.Time, r.Manifest.Source, r.Manifest.Hostname, r.Manifest.Summary.Files, r.Manifest.Summary.Bytes, r.Manifest.Partial, r.Manifest.Parent, r.Manifest.Tags))
                .ToList();
            if (parse.GetValue(Json))
            {
                WriteJson(entries, CliJson.Default.ListListEntry);
                return 0;
            }

            Console.Out.WriteLine($"{"ID",-12}  {"TIME (UTC)",-19}  {"FILES",9}  {"SIZE",10}  SOURCE");
            foreach (var e in entries)
            {
                var partial = e.Partial ? "  (partial)" : string.Empty;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Id[..12]}  {e.Time.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {e.Files,9}  {Humanize.Bytes(e.Bytes),10}  {e.Source}{partial}"));
            }

            Console.Out.WriteLine($"{entries.Count} recovery points");
            return 0;
        }));
        return command;
    }
}
