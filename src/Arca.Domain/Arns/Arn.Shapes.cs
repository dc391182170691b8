namespace Arca.Domain.Arns;

/// <summary>Factories and recognizers for the ARN shapes Arca issues and checks.</summary>
public sealed partial record Arn
{
    /// <summary>The partition of every ARN Arca issues.</summary>
    public const string DefaultPartition = "aws";

    private const string DirectoryType = "directory";
    private const string SqliteType = "sqlite";
    private const string PostgreSqlType = "postgresql";

    /// <summary>The shape of this ARN, <see cref="ArnKind.Other"/> when it is none Arca names.</summary>
    public ArnKind Kind => (Service, ResourceType) switch
    {
        ("iam", "root") when Resource.Length == 4 && Account.Length > 0 => ArnKind.AccountRoot,
        ("iam", "role") when Account.Length > 0 && RoleNameOrNull() is not null => ArnKind.Role,
        ("sts", "assumed-role") when Account.Length > 0 && SessionPartsOrNull() is not null => ArnKind.AssumedRole,
        ("backup", "backup-vault") when IsRegional() => ArnKind.BackupVault,
        ("backup", "recovery-point") when IsRegional() => ArnKind.RecoveryPoint,
        ("backup", "backup-plan") when IsRegional() => ArnKind.BackupPlan,
        ("kms", "key") when IsRegional() => ArnKind.KmsKey,
        ("kms", "alias") when IsRegional() => ArnKind.KmsAlias,
        ("arca", DirectoryType or SqliteType or PostgreSqlType) when IsRegional() => ArnKind.ArcaResource,
        _ => ArnKind.Other,
    };

    /// <summary>The role name (without path) of a <see cref="ArnKind.Role"/> or <see cref="ArnKind.AssumedRole"/> ARN, else null.</summary>
    public string? RoleName => Kind switch
    {
        ArnKind.Role => RoleNameOrNull(),
        ArnKind.AssumedRole => SessionPartsOrNull()?[0],
        _ => null,
    };

    /// <summary>The session name of an <see cref="ArnKind.AssumedRole"/> ARN, else null.</summary>
    public string? SessionName => Kind == ArnKind.AssumedRole ? SessionPartsOrNull()?[1] : null;

    /// <summary>The Arca resource type of an <see cref="ArnKind.ArcaResource"/> ARN, else null.</summary>
    public ArcaResourceKind? ArcaResourceKind => Kind != ArnKind.ArcaResource ? null : ResourceType switch
    {
        DirectoryType => Arns.ArcaResourceKind.Directory,
        SqliteType => Arns.ArcaResourceKind.Sqlite,
        _ => Arns.ArcaResourceKind.PostgreSql,
    };

    /// <summary><c>arn:aws:iam::ACCOUNT:root</c>: the account as a principal.</summary>
    public static Arn AccountRoot(string accountId) => new(DefaultPartition, "iam", string.Empty, Checked(accountId), "root");

    /// <summary><c>arn:aws:iam::ACCOUNT:role/path/Name</c>.</summary>
    /// <param name="accountId">The owning account.</param>
    /// <param name="roleName">The role name; no <c>/</c> or <c>:</c>.</param>
    /// <param name="path">The role path, <c>/</c> by default; must start and end with <c>/</c>.</param>
    public static Arn Role(string accountId, string roleName, string path = "/")
    {
        RequireName(roleName, nameof(roleName), '/', ':');
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || !path.EndsWith('/'))
        {
            throw new ArgumentException($"Role path '{path}' must start and end with '/'", nameof(path));
        }

        return new(DefaultPartition, "iam", string.Empty, Checked(accountId), $"role{path}{roleName}");
    }

    /// <summary><c>arn:aws:sts::ACCOUNT:assumed-role/RoleName/SessionName</c> (the role path is not part of it).</summary>
    public static Arn AssumedRole(string accountId, string roleName, string sessionName)
    {
        RequireName(roleName, nameof(roleName), '/', ':');
        RequireName(sessionName, nameof(sessionName), '/', ':');
        return new(DefaultPartition, "sts", string.Empty, Checked(accountId), $"assumed-role/{roleName}/{sessionName}");
    }

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME</c>.</summary>
    public static Arn BackupVault(string region, string accountId, string vaultName) =>
        Regional("backup", region, accountId, "backup-vault:", vaultName);

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:recovery-point:ID</c>.</summary>
    public static Arn RecoveryPoint(string region, string accountId, string recoveryPointId) =>
        Regional("backup", region, accountId, "recovery-point:", recoveryPointId);

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:backup-plan:ID</c>.</summary>
    public static Arn BackupPlan(string region, string accountId, string planId) =>
        Regional("backup", region, accountId, "backup-plan:", planId);

    /// <summary><c>arn:aws:kms:REGION:ACCOUNT:key/KEY-ID</c>.</summary>
    public static Arn KmsKey(string region, string accountId, string keyId) =>
        Regional("kms", region, accountId, "key/", keyId);

    /// <summary><c>arn:aws:kms:REGION:ACCOUNT:alias/NAME</c>; <paramref name="aliasName"/> may carry the <c>alias/</c> prefix or not.</summary>
    public static Arn KmsAlias(string region, string accountId, string aliasName)
    {
        ArgumentNullException.ThrowIfNull(aliasName);
        string name = aliasName.StartsWith("alias/", StringComparison.Ordinal) ? aliasName["alias/".Length..] : aliasName;
        return Regional("kms", region, accountId, "alias/", name);
    }

    /// <summary><c>arn:aws:arca:REGION:ACCOUNT:TYPE/NAME</c> for one of Arca's own resource types.</summary>
    public static Arn ArcaResource(string region, string accountId, ArcaResourceKind kind, string name)
    {
        string type = kind switch
        {
            Arns.ArcaResourceKind.Directory => DirectoryType,
            Arns.ArcaResourceKind.Sqlite => SqliteType,
            Arns.ArcaResourceKind.PostgreSql => PostgreSqlType,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown Arca resource kind"),
        };
        return Regional("arca", region, accountId, type + "/", name);
    }

    private static Arn Regional(string service, string region, string accountId, string resourcePrefix, string name)
    {
        RequireName(region, nameof(region));
        RequireName(name, nameof(name));
        return new(DefaultPartition, service, region, Checked(accountId), resourcePrefix + name);
    }

    private static string Checked(string accountId)
    {
        AccountId.Validate(accountId, nameof(accountId));
        return accountId;
    }

    private static void RequireName(string value, string paramName, params char[] forbidden)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, paramName);
        if (value.AsSpan().IndexOfAny(forbidden) >= 0)
        {
            throw new ArgumentException($"'{value}' must not contain any of '{new string(forbidden)}'", paramName);
        }
    }

    private bool IsRegional() => Region.Length > 0 && Account.Length > 0 && ResourceId.Length > 0;

    private bool HasSlashDelimiter()
    {
        int length = TypeLength();
        return length < Resource.Length && Resource[length] == '/';
    }

    private string? RoleNameOrNull()
    {
        // role/Name or role/path/segments/Name: the name is the last segment.
        string id = ResourceId;
        if (!HasSlashDelimiter() || id.Length == 0 || id.EndsWith('/'))
        {
            return null;
        }

        return id[(id.LastIndexOf('/') + 1)..];
    }

    private string[]? SessionPartsOrNull()
    {
        if (!HasSlashDelimiter())
        {
            return null;
        }

        string[] parts = ResourceId.Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? parts : null;
    }
}
