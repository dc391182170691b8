using System.CommandLine;
using System.Text.Json.Nodes;
using Arca.Api.Client;
using Arca.Api.Hosting;
using Arca.Cli.Server;
using Microsoft.Extensions.Logging;

namespace Arca.Cli.Quickstart;

/// <summary>
/// <c>arca quickstart [--data-dir DIR] [--keep] [--json]</c>: on a fresh data directory, starts the embedded server in this
/// process (as <c>arca server</c> does, on 127.0.0.1 and a free port, regions us-east-1 and eu-west-1) and walks the
/// reference tutorial end to end through the signed AWS APIs (<see cref="QuickstartTutorial"/>), ending with a restore
/// verified identical to its source. Exit 0 when verified, 1 when a step fails, 2 when the data directory is not fresh.
/// Without <c>--keep</c> the data directory is removed at the end.
/// </summary>
internal static class QuickstartCommand
{
    private static readonly Option<string?> DataDir = new("--data-dir")
    {
        Description = "A new or empty directory for the server's state and the sample (default: a new temporary directory).",
    };

    private static readonly Option<bool> Keep = new("--keep")
    {
        Description = "Keep the data directory (then: arca server --data-dir DIR --regions us-east-1,eu-west-1 to explore it).",
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Write the steps and the result as one JSON document on stdout." };

    public static Command Create()
    {
        var command = new Command("quickstart", "Run AWS's cross-account, cross-Region backup tutorial end to end on a fresh embedded Arca server.")
        {
            DataDir, Keep, Json,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(DataDir), parse.GetValue(Keep), parse.GetValue(Json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string? dataDir, bool keep, bool json, CancellationToken cancellationToken)
    {
        string dir = dataDir is null ? Directory.CreateTempSubdirectory("arca-quickstart-").FullName : Path.GetFullPath(dataDir);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && dataDir is not null)
        {
            await Console.Error.WriteLineAsync($"arca quickstart: {dir} is not empty; the quickstart needs a new or empty data directory").ConfigureAwait(false);
            return 2;
        }

        var report = new QuickstartReport(json, QuickstartTutorial.StepCount);
        var result = new JsonObject { ["dataDirectory"] = dir };
        int exit = 0;
        try
        {
            var options = new ArcaServerOptions
            {
                Listen = "http://127.0.0.1:0",
                Regions = [QuickstartTutorial.SourceRegion, QuickstartTutorial.DestinationRegion],
            };
            EmbeddedServer embedded = await EmbeddedServer.OpenAsync(Path.Combine(dir, "server"), options, new BackupJobHostOptions(), QuietLog, cancellationToken)
                .ConfigureAwait(false);
            await using (embedded.ConfigureAwait(false))
            {
                await embedded.Server.StartAsync(cancellationToken).ConfigureAwait(false);
                Uri endpoint = embedded.Server.BaseAddress;
                result["endpoint"] = endpoint.ToString().TrimEnd('/');
                report.Note($"arca quickstart: Arca server on {endpoint.ToString().TrimEnd('/')} (us-east-1, eu-west-1), data directory {dir}");
                report.Note($"management account {embedded.AccountId}; its root key is in {embedded.CredentialsFile} (profile {ServerBootstrap.Profile})");
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
                AwsCredentials root = RootKey(embedded.CredentialsFile);
                var management = new QuickstartClient(http, endpoint, QuickstartTutorial.SourceRegion, root);
                var tutorial = new QuickstartTutorial(management, dir, report);
                try
                {
                    VerifiedRestore verified = await tutorial.RunAsync((credentials, region) => new QuickstartClient(http, endpoint, region, credentials), cancellationToken)
                        .ConfigureAwait(false);
                    result["verified"] = true;
                    result["managementAccount"] = embedded.AccountId;
                    result["sourceAccount"] = tutorial.Accounts.Source;
                    result["destinationAccount"] = tutorial.Accounts.Destination;
                    result["recoveryPointArn"] = verified.RecoveryPointArn;
                    result["files"] = verified.Files;
                    result["directories"] = verified.Directories;
                    result["bytes"] = verified.Bytes;
                    report.Note($"arca quickstart: restore verified identical to the source ({verified.Files} files, {verified.Bytes} bytes): "
                        + "backed up in SourceAccount, copied to DestinationAccount in eu-west-1, copied back and restored");
                }
                catch (QuickstartException e)
                {
                    exit = Fail(report, result, e.Message);
                }
                catch (HttpRequestException e)
                {
                    exit = Fail(report, result, "the server could not be reached: " + e.Message);
                }

                await embedded.Server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
            or Microsoft.Data.Sqlite.SqliteException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            exit = Fail(report, result, e.Message);
        }

        if (keep)
        {
            report.Note($"kept {dir}; explore it with: arca server --data-dir {Path.Combine(dir, "server")} --regions us-east-1,eu-west-1");
        }
        else
        {
            Directory.Delete(dir, recursive: true);
        }

        report.Finish(result);
        return exit;
    }

    /// <summary>The server's own log: warnings and errors only, on stderr (stdout carries the steps or the JSON result).</summary>
    private static void QuietLog(ArcaServerBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static int Fail(QuickstartReport report, JsonObject result, string message)
    {
        result["verified"] = false;
        result["error"] = message;
        result["failedStep"] = report.CurrentStep;
        Console.Error.WriteLine($"arca quickstart: step {report.CurrentStep} failed: {message}");
        return 1;
    }

    private static AwsCredentials RootKey(string credentialsFile)
    {
        string[] lines = File.ReadAllLines(credentialsFile);
        string Value(string name) => lines.Select(l => l.Split('=', 2)).First(p => p.Length == 2 && p[0].Trim() == name)[1].Trim();
        return new AwsCredentials(Value("aws_access_key_id"), Value("aws_secret_access_key"));
    }
}
