using System.Data.Common;
using Arca.Domain.Arns;
using Arca.Storage.Resources;

namespace Arca.Control.Backup.Internal;

/// <summary>The resource types' ARN kinds, and how their definitions are shown.</summary>
internal static class ResourceKinds
{
    public static ArcaResourceKind? KindOf(string type) => type switch
    {
        ResourceTypeNames.Directory => ArcaResourceKind.Directory,
        ResourceTypeNames.Sqlite => ArcaResourceKind.Sqlite,
        ResourceTypeNames.PostgreSql => ArcaResourceKind.PostgreSql,
        _ => null,
    };

    /// <summary>Whether the type is defined by a connection string rather than a path.</summary>
    public static bool UsesConnectionString(string type) => type == ResourceTypeNames.PostgreSql;

    /// <summary>The associated data that binds a sealed connection string to its resource.</summary>
    public static string SealContext(string arn) => "arca/v1/resource-connection-string:" + arn;

    /// <summary>The connection string without its password (keys come back lower case), or a placeholder if it cannot be parsed.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (string key in new[] { "password", "pwd" })
            {
                builder.Remove(key);
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(not shown)";
        }
    }
}
