using System.Globalization;
using System.Xml.Linq;

namespace Arca.Api.Endpoints;

/// <summary>Value formats of awsQuery responses.</summary>
internal static class QueryXml
{
    /// <summary>ISO 8601 in UTC, seconds precision: <c>2026-11-26T06:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>true</c>/<c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A list in awsQuery's shape: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;…&lt;/Name&gt;</c>.</summary>
    public static XElement Members(string name, IEnumerable<object> members) =>
        new(name, members.Select(m => new XElement("member", m)));

    /// <summary>IAM returns policy documents URL-encoded, as AWS does (botocore decodes them; the JS SDK leaves that to callers).</summary>
    public static string PolicyDocument(string json) => Uri.EscapeDataString(json);
}
