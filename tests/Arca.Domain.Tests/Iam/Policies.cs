using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Domain.Tests.Iam;

/// <summary>Accounts, principals and policy builders shared by the IAM tests (names follow the tutorial).</summary>
internal static class Policies
{
    public const string Management = "999999999999";
    public const string Source = "111111111111";
    public const string Destination = "222222222222";
    public const string Outsider = "333333333333";
    public const string OrgId = "o-a1b2c3d4e5";
    public const int MaxLength = 20_480;

    public static string SourceRoleArn => Arn.Role(Source, "cabrole").ToString();

    public static string DestinationRoleArn => Arn.Role(Destination, "cabrole").ToString();

    public static string VaultArn(string account, string region = "eu-west-1") => Arn.BackupVault(region, account, "cabvault").ToString();

    public static PolicyDocument Identity(string json) => PolicyDocument.Parse(json, PolicyKind.Identity, MaxLength);

    public static PolicyDocument Resource(string json) => PolicyDocument.Parse(json, PolicyKind.Resource, MaxLength);

    public static PolicyDocument Trust(string json) => PolicyDocument.Parse(json, PolicyKind.RoleTrust, MaxLength);

    /// <summary>An identity policy with one statement.</summary>
    public static PolicyDocument IdentityStatement(string effect, string action, string resource = "*", string? condition = null, string? sid = null) =>
        Identity(Document(Statement(effect, null, action, resource, condition, sid)));

    /// <summary>A resource policy with one statement; <paramref name="principal"/> is raw JSON.</summary>
    public static PolicyDocument ResourceStatement(string effect, string principal, string action, string resource = "*", string? condition = null, string? sid = null) =>
        Resource(Document(Statement(effect, principal, action, resource, condition, sid)));

    public static string Document(params string[] statements) =>
        $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    public static string Statement(string effect, string? principal, string action, string? resource = "*", string? condition = null, string? sid = null)
    {
        var parts = new List<string>();
        if (sid is not null)
        {
            parts.Add($"\"Sid\":\"{sid}\"");
        }

        parts.Add($"\"Effect\":\"{effect}\"");
        if (principal is not null)
        {
            parts.Add($"\"Principal\":{principal}");
        }

        parts.Add($"\"Action\":{Json(action)}");
        if (resource is not null)
        {
            parts.Add($"\"Resource\":{Json(resource)}");
        }

        if (condition is not null)
        {
            parts.Add($"\"Condition\":{condition}");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    public static NamedPolicy Named(string name, PolicyDocument document) => new(name, document);

    public static RequestContext Request(RequestPrincipal principal, string action, string? resource = null, string? resourceAccount = null) =>
        new(principal, action, resource, resourceAccount);

    public static string GoldenPath(params string[] names)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Arca.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, "tests", "Arca.Domain.Tests", "Iam", "Golden", .. names]);
    }

    public static string Golden(params string[] names) => File.ReadAllText(GoldenPath(names));

    // A JSON string, or raw JSON when the value already is an array.
    private static string Json(string value) => value.StartsWith('[') ? value : $"\"{value}\"";
}
