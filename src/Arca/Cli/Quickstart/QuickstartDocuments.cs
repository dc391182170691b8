namespace Arca.Cli.Quickstart;

/// <summary>
/// The reference tutorial's names and its backup policy <c>cabpolicy</c> (DESIGN.md §6; the same document as
/// docs/tutorial/cabpolicy.json). The role, keys and vaults come from the bundled layout, docs/tutorial/cab-layout.yaml.
/// </summary>
internal static class QuickstartDocuments
{
    public const string RoleName = "cabrole";
    public const string VaultName = "cabvault";
    public const string KeyAlias = "alias/cabkey";
    public const string PolicyName = "cabpolicy";

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
