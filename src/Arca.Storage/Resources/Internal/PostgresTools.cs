namespace Arca.Storage.Resources.Internal;

/// <summary>Finds pg_dump and pg_restore.</summary>
internal static class PostgresTools
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>
    /// The path of <paramref name="tool"/>: in <paramref name="binDirectory"/> when given, else in the newest
    /// /usr/lib/postgresql/*/bin that has it, else on PATH.
    /// </summary>
    /// <exception cref="FileNotFoundException">The tool is nowhere to be found; the message says where it looked.</exception>
    public static string Find(string tool, string? binDirectory)
    {
        if (binDirectory is not null)
        {
            var explicitPath = Path.Combine(binDirectory, tool);
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new FileNotFoundException($"{tool} was not found in {binDirectory} (the configured PostgreSQL bin directory)");
        }

        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.EnumerateDirectories(DebianRoot)
                .Select(dir => (Version: ParseVersion(Path.GetFileName(dir)), Path: Path.Combine(dir, "bin", tool)))
                .Where(x => x.Version is not null && File.Exists(x.Path))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Path)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{tool} was not found under {DebianRoot}/*/bin or on PATH; install the PostgreSQL client tools (Debian: apt-get install postgresql-client)");
    }

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var v) ? v : null;
}
