using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Arca.Storage.Blobs;
using Arca.Storage.Crypto;
using Arca.Storage.Repository;
using Arca.Storage.Restore;

namespace Arca.Cli.Vault;

/// <summary>What every <c>arca vault</c> command shares: the vault directory, the key file, --json, and error reporting.</summary>
internal static class VaultCommandBase
{
    public static readonly Argument<string> Dir = new("DIR") { Description = "The vault's directory." };

    public static readonly Option<string> KeyFile = new("--key-file")
    {
        Description = "File holding the vault's key-encryption key (created by 'init' when missing).",
        Required = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Write machine-readable JSON (results on stdout, progress lines on stderr)." };

    /// <summary>Runs a command body, turning every expected failure into one clear line and exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is VaultException or VaultCorruptionException or KeyFileException or RestoreException
            or BlobStoreException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            if (parse.GetValue(Json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new ErrorOutput(e.Message), CliJson.Default.ErrorOutput));
            }

            await Console.Error.WriteLineAsync("arca: error: " + e.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("arca: cancelled").ConfigureAwait(false);
            return 130;
        }
    }

    /// <summary>Opens the vault at DIR with the key file.</summary>
    public static async Task<Storage.Repository.Vault> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var dir = parse.GetValue(Dir)!;
        if (!Directory.Exists(dir))
        {
            throw new VaultException($"vault {dir} does not exist");
        }

        var key = LocalKeyFile.Load(parse.GetValue(KeyFile)!);
        var store = new RetryingBlobStore(new LocalBlobStore(dir), TimeProvider.System);
        return await Storage.Repository.Vault.OpenAsync(store, key, TimeProvider.System, cancellationToken).ConfigureAwait(false);
    }

    public static void WriteJson<T>(T value, JsonTypeInfo<T> info) => Console.Out.WriteLine(JsonSerializer.Serialize(value, info));
}
