namespace Arca.Domain.Arns;

/// <summary>The ARN shapes Arca knows by name; see <see cref="Arn.Kind"/>.</summary>
public enum ArnKind
{
    /// <summary>Any other well-formed ARN.</summary>
    Other,

    /// <summary><c>arn:aws:iam::ACCOUNT:root</c>, the account itself.</summary>
    AccountRoot,

    /// <summary><c>arn:aws:iam::ACCOUNT:role/path/Name</c>.</summary>
    Role,

    /// <summary><c>arn:aws:sts::ACCOUNT:assumed-role/RoleName/SessionName</c>.</summary>
    AssumedRole,

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME</c>.</summary>
    BackupVault,

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:recovery-point:ID</c>.</summary>
    RecoveryPoint,

    /// <summary><c>arn:aws:backup:REGION:ACCOUNT:backup-plan:ID</c>.</summary>
    BackupPlan,

    /// <summary><c>arn:aws:kms:REGION:ACCOUNT:key/KEY-ID</c>.</summary>
    KmsKey,

    /// <summary><c>arn:aws:kms:REGION:ACCOUNT:alias/NAME</c>.</summary>
    KmsAlias,

    /// <summary><c>arn:aws:arca:REGION:ACCOUNT:TYPE/NAME</c>, a resource Arca protects; see <see cref="ArcaResourceKind"/>.</summary>
    ArcaResource,
}
