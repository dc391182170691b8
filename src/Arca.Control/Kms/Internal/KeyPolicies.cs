namespace Arca.Control.Kms.Internal;

/// <summary>The key policies Arca writes itself, formatted exactly as AWS returns them from GetKeyPolicy.</summary>
internal static class KeyPolicies
{
    /// <summary>The policy name KMS keys have; the only one.</summary>
    public const string DefaultName = "default";

    /// <summary>The largest key policy AWS accepts, in bytes (32 KB).</summary>
    public const int MaxBytes = 32768;

    /// <summary>
    /// The default key policy of a key created without <c>Policy</c>: the account root may do everything, which
    /// delegates the key to the account's IAM policies.
    /// </summary>
    public static string Default(string accountId) => $$"""
        {
          "Version" : "2012-10-17",
          "Id" : "key-default-1",
          "Statement" : [ {
            "Sid" : "Enable IAM User Permissions",
            "Effect" : "Allow",
            "Principal" : {
              "AWS" : "arn:aws:iam::{{accountId}}:root"
            },
            "Action" : "kms:*",
            "Resource" : "*"
          } ]
        }
        """;

    /// <summary>
    /// The policy of the AWS-managed key <c>alias/aws/backup</c>, modelled on AWS's <c>auto-…</c> policies of managed keys:
    /// principals of the account may use it through the backup service only (<c>kms:ViaService</c>,
    /// <c>kms:CallerAccount</c>); the account may read its metadata. Arca adds <c>kms:Encrypt</c> to the service statement
    /// because its vault engine wraps a key it generated itself (AWS Backup calls GenerateDataKey instead).
    /// </summary>
    public static string AwsBackup(string accountId, string region) => $$"""
        {
          "Version" : "2012-10-17",
          "Id" : "auto-backup-1",
          "Statement" : [ {
            "Sid" : "Allow access through Backup for all principals in the account that are authorized to use Backup Storage",
            "Effect" : "Allow",
            "Principal" : {
              "AWS" : "*"
            },
            "Action" : [ "kms:CreateGrant", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*" ],
            "Resource" : "*",
            "Condition" : {
              "StringEquals" : {
                "kms:ViaService" : "{{ViaBackup(region)}}",
                "kms:CallerAccount" : "{{accountId}}"
              }
            }
          }, {
            "Sid" : "Allow direct access to key metadata to the account",
            "Effect" : "Allow",
            "Principal" : {
              "AWS" : "arn:aws:iam::{{accountId}}:root"
            },
            "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant" ],
            "Resource" : "*"
          } ]
        }
        """;

    /// <summary>The <c>kms:ViaService</c> value of requests the backup service makes in <paramref name="region"/>.</summary>
    public static string ViaBackup(string region) => $"backup.{region}.amazonaws.com";
}
