using System.IO.Compression;
using System.Text.Json;

namespace Arca.Tests.Docs;

/// <summary>
/// The operation names of AWS's service models (botocore's <c>data/SERVICE/VERSION/service-2.json[.gz]</c>) found on this
/// machine: the Debian <c>awscli</c>'s, pip's <c>botocore</c>, and any directory named in <c>ARCA_BOTOCORE_DATA</c>
/// (colon-separated). Different models of one service are merged (the newer ones have more operations).
/// </summary>
internal static class AwsServiceModels
{
    /// <summary>The botocore <c>data</c> directories present here.</summary>
    public static IReadOnlyList<string> DataDirectories()
    {
        var candidates = new List<string>();
        candidates.AddRange((Environment.GetEnvironmentVariable("ARCA_BOTOCORE_DATA") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries));
        candidates.Add("/usr/share/awscli/botocore/data");
        candidates.Add("/usr/lib/python3/dist-packages/awscli/botocore/data");
        candidates.Add("/usr/lib/python3/dist-packages/botocore/data");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        foreach (string root in new[] { "/usr/local/lib", "/usr/lib", Path.Combine(home, ".local", "lib") })
        {
            candidates.AddRange(Glob(root, "python3*", "site-packages", "botocore", "data"));
            candidates.AddRange(Glob(root, "python3*", "dist-packages", "botocore", "data"));
        }

        foreach (string version in Glob(Path.Combine(home, ".pyenv", "versions"), "*"))
        {
            candidates.AddRange(Glob(Path.Combine(version, "lib"), "python3*", "site-packages", "botocore", "data"));
        }

        return [.. candidates.Where(Directory.Exists).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The union of the operation names of <paramref name="modelName"/> (e.g. <c>backup</c>) over every model found.</summary>
    public static SortedSet<string> Operations(string modelName)
    {
        var operations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string data in DataDirectories())
        {
            string service = Path.Combine(data, modelName);
            if (!Directory.Exists(service))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(service, "service-2.json*", SearchOption.AllDirectories))
            {
                using Stream raw = File.OpenRead(file);
                using Stream json = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
                using JsonDocument model = JsonDocument.Parse(json);
                foreach (JsonProperty operation in model.RootElement.GetProperty("operations").EnumerateObject())
                {
                    operations.Add(operation.Name);
                }
            }
        }

        return operations;
    }

    private static IEnumerable<string> Glob(string root, string pattern, params string[] rest)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateDirectories(root, pattern).Select(d => Path.Combine([d, .. rest]));
    }
}
