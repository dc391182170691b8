using System.CommandLine;
using Arca.Api.Hosting;

namespace Arca.Cli.Server;

/// <summary>
/// <c>arca server --data-dir DIR [--listen http://127.0.0.1:7480] [--regions us-east-1,eu-west-1]</c>: runs Arca on
/// its embedded defaults (docs/design/server.md §2) until SIGTERM or Ctrl-C, then stops cleanly (exit 0).
/// </summary>
internal static class ServerCommand
{
    private static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Directory of the server's state (created when missing): master.key, global.db, credentials.",
        Required = true,
    };

    private static readonly Option<string> Listen = new("--listen")
    {
        Description = "Listening URL, http://HOST:PORT (port 0 picks a free port).",
        DefaultValueFactory = _ => new ArcaServerOptions().Listen,
    };

    private static readonly Option<string> Regions = new("--regions")
    {
        Description = "Comma-separated regions that Backup and KMS serve.",
        DefaultValueFactory = _ => string.Join(',', new ArcaServerOptions().Regions),
    };

    /// <summary>Test hook (hidden): seconds between scheduler ticks instead of 60, so end-to-end tests need not wait a minute.</summary>
    private static readonly Option<double?> SchedulerTick = new("--scheduler-tick") { Hidden = true };

    /// <summary>Test hook (hidden): seconds between a running job's lease renewals (progress writes) instead of 30.</summary>
    private static readonly Option<double?> JobRenewal = new("--job-renewal") { Hidden = true };

    public static Command Create()
    {
        var command = new Command("server", "Run the Arca server: AWS Backup, Organizations, KMS, STS and IAM APIs on one listener.")
        {
            DataDir, Listen, Regions, SchedulerTick, JobRenewal,
        };
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var options = new ArcaServerOptions
        {
            Listen = parse.GetValue(Listen)!,
            Regions = [.. parse.GetValue(Regions)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        };
        IReadOnlyList<string> problems = ArcaServerOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                await Console.Error.WriteLineAsync("arca server: " + problem).ConfigureAwait(false);
            }

            return 2;
        }

        try
        {
            BackupJobHostOptions jobs = JobOptions(parse);
            EmbeddedServer embedded = await EmbeddedServer.OpenAsync(parse.GetValue(DataDir)!, options, jobs, configure: null, cancellationToken).ConfigureAwait(false);
            await using (embedded.ConfigureAwait(false))
            {
                await embedded.Server.StartAsync(cancellationToken).ConfigureAwait(false);
                Console.Out.WriteLine($"account: {embedded.AccountId}{(embedded.AccountCreated ? " (created)" : string.Empty)}");
                Console.Out.WriteLine($"credentials: {embedded.CredentialsFile} (profile {ServerBootstrap.Profile})");
                Console.Out.WriteLine($"listening: {embedded.Server.BaseAddress.ToString().TrimEnd('/')}");
                Console.Out.Flush();
                await embedded.Server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
            or Microsoft.Data.Sqlite.SqliteException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync("arca server: " + e.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static BackupJobHostOptions JobOptions(ParseResult parse)
    {
        var jobs = new BackupJobHostOptions();
        if (parse.GetValue(SchedulerTick) is { } tick)
        {
            jobs.SchedulerTick = TimeSpan.FromSeconds(tick);
        }

        if (parse.GetValue(JobRenewal) is { } renewal)
        {
            jobs.RenewEvery = TimeSpan.FromSeconds(renewal);
        }

        return jobs;
    }
}
