using System.Security.Cryptography;
using Arca.Control.Identity;

namespace Arca.Cli.Server;

/// <summary>
/// <c>DIR/node-id</c>: the job engine's node id, stable per data directory, so a restarted server recognises the jobs its
/// earlier incarnation held (docs/design/backup-service.md §4) and resumes them at once instead of waiting for their
/// leases to expire. Created on first start (16 hex digits).
/// </summary>
internal static class NodeIdFile
{
    public static string LoadOrCreate(string dataDirectory)
    {
        string path = Path.Combine(dataDirectory, "node-id");
        if (File.Exists(path))
        {
            string id = File.ReadAllText(path).Trim();
            if (id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return id;
            }

            throw new InvalidDataException($"{path} does not hold a node id (1 to 64 letters, digits, '-' or '_'); remove it to get a new one");
        }

        string created = "node-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        SecretFile.WriteNew(path, created + "\n");
        return created;
    }
}
