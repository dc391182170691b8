namespace Arca.Tests.Server;

/// <summary>A fact that needs a real client: the Debian AWS CLI, or the npm-installed JS SDK in tests/clients; skipped with the reason where absent.</summary>
public sealed class RealClientFactAttribute : FactAttribute
{
    /// <summary>The Debian package's CLI (v2.9.19); a bare <c>aws</c> on PATH may be the pip v1 CLI.</summary>
    public const string AwsCli = "/usr/bin/aws";

    public RealClientFactAttribute(string client)
    {
        Skip = client switch
        {
            "aws" when !File.Exists(AwsCli) => $"{AwsCli} is not installed (apt-get install awscli).",
            "node" when ClientsDirectory is not { } dir || !Directory.Exists(Path.Combine(dir, "node_modules", "@aws-sdk", "client-sts")) =>
                "tests/clients/node_modules is missing (npm ci --prefix tests/clients).",
            "node" when !OnPath("node") => "node is not installed.",
            _ => null,
        };
    }

    /// <summary>The repository's tests/clients directory, found upwards from the test binaries.</summary>
    public static string? ClientsDirectory
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "clients");
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}
