using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Arca.WebConsole.Internal;

/// <summary>
/// The console's files, read once from the assembly's embedded resources (<c>console/…</c>, from <c>wwwroot/</c>).
/// The page shell <c>index.html</c> gets the served regions in place of <c>{{regions}}</c>.
/// </summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal sealed class ConsoleAssets
{
    public const string IndexPath = "index.html";
    private const string ResourcePrefix = "console/";
    private const string RegionsPlaceholder = "{{regions}}";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
    };

    private readonly Dictionary<string, ConsoleAsset> _assets = new(StringComparer.Ordinal);

    public ConsoleAssets(IEnumerable<string> regions)
    {
        string regionList = WebUtility.HtmlEncode(string.Join(',', regions));
        Assembly assembly = typeof(ConsoleAssets).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string path = name[ResourcePrefix.Length..];
            if (path == IndexPath)
            {
                content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content).Replace(RegionsPlaceholder, regionList, StringComparison.Ordinal));
            }

            _assets[path] = new ConsoleAsset(content, ContentTypeOf(path), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }
    }

    /// <summary>The paths of every file, relative to <c>/console/</c>.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>The file at <paramref name="path"/> (relative to <c>/console/</c>; empty = the shell), or null.</summary>
    public ConsoleAsset? Find(string path) => _assets.GetValueOrDefault(path.Length == 0 ? IndexPath : path);

    private static string ContentTypeOf(string path) =>
        ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream");
}
