using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Arca.Api.Hosting;

/// <summary>Validates <see cref="BackupJobHostOptions"/> at start-up.</summary>
internal sealed partial class BackupJobHostOptionsValidator : IValidateOptions<BackupJobHostOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupJobHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.NodeId is { } node && !NodePattern().IsMatch(node))
        {
            problems.Add($"NodeId '{node}' must be 1 to 64 letters, digits, '-' or '_'");
        }

        if (options.SchedulerTick < TimeSpan.FromSeconds(1) || options.SchedulerTick > TimeSpan.FromMinutes(1))
        {
            problems.Add($"SchedulerTick {options.SchedulerTick} must be between 1 second and 1 minute");
        }

        if (options.Workers is < 1 or > 64)
        {
            problems.Add($"Workers {options.Workers} must be between 1 and 64");
        }

        if (options.RenewEvery < TimeSpan.FromMilliseconds(100) || options.RenewEvery > TimeSpan.FromMinutes(5))
        {
            problems.Add($"RenewEvery {options.RenewEvery} must be between 100 ms and 5 minutes");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NodePattern();
}
