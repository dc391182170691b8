namespace Arca.Domain.Iam;

/// <summary>Names of the condition keys Arca's services supply (see <see cref="RequestContext"/>).</summary>
public static class ConditionKeyNames
{
    /// <summary>Set by the evaluator: the caller's role ARN for roles and sessions, root ARN for the account.</summary>
    public const string PrincipalArn = "aws:PrincipalArn";

    /// <summary>Set by the evaluator: the caller's account.</summary>
    public const string PrincipalAccount = "aws:PrincipalAccount";

    /// <summary>Set by the evaluator: <c>true</c> for service principals, else <c>false</c>.</summary>
    public const string PrincipalIsAwsService = "aws:PrincipalIsAWSService";

    /// <summary>Set by the evaluator for service principals: the service principal name.</summary>
    public const string PrincipalServiceName = "aws:PrincipalServiceName";

    /// <summary>Set by the evaluator when the resource account is known.</summary>
    public const string ResourceAccount = "aws:ResourceAccount";

    /// <summary>Caller-supplied: the organization id (<c>o-…</c>) of the caller's account, absent outside an organization.</summary>
    public const string PrincipalOrgId = "aws:PrincipalOrgID";

    /// <summary>Caller-supplied, multivalued: the caller account's organization paths, <c>o-…/r-…/ou-…/</c>.</summary>
    public const string PrincipalOrgPaths = "aws:PrincipalOrgPaths";

    /// <summary>Caller-supplied for service-to-service calls: the account on whose behalf a service acts.</summary>
    public const string SourceAccount = "aws:SourceAccount";

    /// <summary>Caller-supplied for service-to-service calls: the ARN of the resource on whose behalf a service acts.</summary>
    public const string SourceArn = "aws:SourceArn";

    /// <summary>Caller-supplied: current time, ISO 8601 (the evaluator never reads a clock).</summary>
    public const string CurrentTime = "aws:CurrentTime";

    /// <summary>Caller-supplied, multivalued: destination vault ARNs of a copy, on <c>backup:CopyFromBackupVault</c>.</summary>
    public const string BackupCopyTargets = "backup:CopyTargets";

    /// <summary>Caller-supplied, multivalued: organization paths of the copy destinations.</summary>
    public const string BackupCopyTargetOrgPaths = "backup:CopyTargetOrgPaths";

    /// <summary>Set by the evaluator on <c>kms:</c> actions: the caller's account.</summary>
    public const string KmsCallerAccount = "kms:CallerAccount";

    /// <summary>Caller-supplied: the service calling KMS on the caller's behalf, e.g. <c>backup.eu-west-1.amazonaws.com</c>.</summary>
    public const string KmsViaService = "kms:ViaService";

    /// <summary>Caller-supplied on grant operations: <c>true</c> when an AWS service creates the grant.</summary>
    public const string KmsGrantIsForAwsResource = "kms:GrantIsForAWSResource";

    /// <summary>The key of the resource tag <paramref name="tagKey"/>: <c>aws:ResourceTag/TAG</c>.</summary>
    public static string ResourceTag(string tagKey) => "aws:ResourceTag/" + tagKey;
}
