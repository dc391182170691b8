using System.CommandLine;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;
using static Arca.Cli.Vault.VaultCommandBase;

namespace Arca.Cli.Vault;

/// <summary><c>arca vault init DIR --key-file KEY</c>: creates a vault (and the key file when it does not exist).</summary>
internal static class VaultInitCommand
{
    public static Command Create()
    {
        var packSize = new Option<int>("--pack-size") { Description = "Target pack size in MiB (default 8).", DefaultValueFactory = _ => 8 };
        var level = new Option<int>("--compression-level") { Description = "zstd level for new data, 1-19 (default 2).", DefaultValueFactory = _ => 2 };
        var command = new Command("init", "Create a new encrypted vault in DIR.") { Dir, KeyFile, packSize, level, Json };
        command.SetAction((parse, ct) => RunAsync(parse, async () =>
        {
            var dir = Path.GetFullPath(parse.GetValue(Dir)!);
            var keyPath = parse.GetValue(KeyFile)!;
            Directory.CreateDirectory(dir);
            var key = LocalKeyFile.LoadOrCreate(keyPath, out var created);
            var options = new VaultInitOptions { PackSize = parse.GetValue(packSize) * 1024 * 1024, CompressionLevel = parse.GetValue(level) };
            var vault = await Storage.Repository.Vault.InitAsync(new LocalBlobStore(dir), key, options, TimeProvider.System, ct).ConfigureAwait(false);
            if (parse.GetValue(Json))
            {
                WriteJson(new InitOutput(dir, vault.Config.Id, keyPath, created), CliJson.Default.InitOutput);
            }
            else
            {
                if (created)
                {
                    Console.Error.WriteLine($"created key file {keyPath} (mode 0600); keep it safe: without it the vault cannot be read");
                }

                Console.Out.WriteLine($"created vault {dir} (id {vault.Config.Id})");
            }

            return 0;
        }));
        return command;
    }
}
