using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>Helpers to build organization paths from inline policy documents.</summary>
internal static class Policies
{
    /// <summary>A complete plan "p" (one Region, one rule, one tag selection) for tests to extend.</summary>
    public const string CompletePlan = """
        {"plans": {"p": {
          "regions": {"@@assign": ["us-east-1"]},
          "rules": {"r": {
            "schedule_expression": {"@@assign": "cron(0 5 ? * * *)"},
            "target_backup_vault_name": {"@@assign": "vault"}}},
          "selections": {"tags": {"s": {
            "iam_role_arn": {"@@assign": "arn:aws:iam::$account:role/BackupRole"},
            "tag_key": {"@@assign": "backup"},
            "tag_value": {"@@assign": ["daily"]}}}}}}}
        """;

    public static BackupPolicyAttachment Attach(string id, string content) =>
        new(id, id + "-name", BackupPolicyDocument.ParseOrThrow(content));

    public static PolicyTargetLevel Level(string targetId, params BackupPolicyAttachment[] policies) => new(targetId, policies);

    public static EffectiveBackupPolicy Compute(params PolicyTargetLevel[] levels) => EffectiveBackupPolicyCalculator.Compute(levels);

    /// <summary>Root (r-root) with <paramref name="rootPolicy"/>, then account 111111111111 with <paramref name="accountPolicy"/>.</summary>
    public static EffectiveBackupPolicy RootThenAccount(string rootPolicy, string accountPolicy) => Compute(
        Level("r-root", Attach("p-root", rootPolicy)),
        Level("111111111111", Attach("p-account", accountPolicy)));
}
