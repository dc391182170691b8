namespace Arca.Cli.Quickstart;

/// <summary>
/// The reference tutorial's documents (DESIGN.md §6): the role <c>cabrole</c>'s trust and permissions, the key policy that
/// names SourceAccount and DestinationAccount, the vault access policy that lets the organization copy in, and the backup
/// policy <c>cabpolicy</c>. The same documents appear in docs/user-guide.md.
/// </summary>
internal static class QuickstartDocuments
{
    public const string RoleName = "cabrole";
    public const string VaultName = "cabvault";
    public const string KeyAlias = "alias/cabkey";
    public const string PolicyName = "cabpolicy";

    /// <summary>cabrole's trust policy: the backup service may assume it.</summary>
    public const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /// <summary>cabrole's inline policy: what the backup service does with it (back up, copy, restore, use the vault keys).</summary>
    public const string RolePolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["backup:*","kms:Decrypt","kms:Encrypt","kms:GenerateDataKey","kms:DescribeKey"],"Resource":"*"}]}""";

    /// <summary>The vault key's policy: the account administers it; SourceAccount and DestinationAccount may use it.</summary>
    public static string KeyPolicy(string accountId, string sourceAccountId, string destinationAccountId) => """
        {"Version":"2012-10-17","Id":"cabkey","Statement":[
         {"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::ACCOUNT:root"},"Action":"kms:*","Resource":"*"},
         {"Sid":"Allow use of the key by SourceAccount and DestinationAccount","Effect":"Allow",
          "Principal":{"AWS":["arn:aws:iam::SOURCE:root","arn:aws:iam::DESTINATION:root"]},
          "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:DescribeKey"],"Resource":"*"}]}
        """.Replace("ACCOUNT", accountId, StringComparison.Ordinal).Replace("SOURCE", sourceAccountId, StringComparison.Ordinal)
        .Replace("DESTINATION", destinationAccountId, StringComparison.Ordinal);

    /// <summary>cabvault's access policy: any principal of the organization may copy into it.</summary>
    public static string VaultAccessPolicy(string organizationId) => """
        {"Version":"2012-10-17","Statement":[{"Sid":"Allow the organization to copy into cabvault","Effect":"Allow",
         "Principal":{"AWS":"*"},"Action":"backup:CopyIntoBackupVault","Resource":"*",
         "Condition":{"StringEquals":{"aws:PrincipalOrgID":"ORGANIZATION"}}}]}
        """.Replace("ORGANIZATION", organizationId, StringComparison.Ordinal);

    /// <summary>cabpolicy: plan cabplan in both regions, rule cabrule daily at 05:00 UTC with the default windows, a copy to DestinationAccount's eu-west-1 vault.</summary>
    public static string BackupPolicy(string destinationAccountId) => """
        {"plans":{"cabplan":{
          "regions":{"@@assign":["us-east-1","eu-west-1"]},
          "rules":{"cabrule":{
            "schedule_expression":{"@@assign":"cron(0 5 ? * * *)"},
            "start_backup_window_minutes":{"@@assign":"480"},
            "complete_backup_window_minutes":{"@@assign":"10080"},
            "target_backup_vault_name":{"@@assign":"cabvault"},
            "copy_actions":{"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault":{
              "target_backup_vault_arn":{"@@assign":"arn:aws:backup:eu-west-1:DESTINATION:backup-vault:cabvault"}}}}},
          "selections":{"tags":{"cabresources":{
            "iam_role_arn":{"@@assign":"arn:aws:iam::$account:role/cabrole"},
            "tag_key":{"@@assign":"backup"},
            "tag_value":{"@@assign":["cab"]}}}}}}}
        """.Replace("DESTINATION", destinationAccountId, StringComparison.Ordinal);
}
