namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// The backup policy syntax as AWS documents it ("Backup policy syntax and examples", AWS
/// Organizations user guide). See docs/design/backup-policy-inheritance.md §2.
/// </summary>
internal static class BackupPolicySchema
{
    /// <summary>Child-control operator key.</summary>
    public const string ChildControlKey = "@@operators_allowed_for_child_policies";

    /// <summary>The whole document: <c>{"plans": {…}}</c>.</summary>
    public static SchemaNode Root { get; } = SchemaNode.Object("", SchemaNode.Map("plans", NameKey("plan"), Plan()));

    private static SchemaNode Plan() => SchemaNode.Object(
        "<plan>",
        SchemaNode.List("regions", ValueRules.Pattern(PolicyPatterns.Region(), "a Region code such as us-east-1", "us-east-1"), "a list of Region codes"),
        SchemaNode.Map("rules", NameKey("rule"), Rule()),
        SchemaNode.Object(
            "selections",
            SchemaNode.Map("tags", NameKey("selection"), TagSelection()),
            SchemaNode.Map("resources", NameKey("selection"), ResourceSelection())),
        AdvancedBackupSettings(),
        SchemaNode.Map("backup_plan_tags", null, Tag()),
        SchemaNode.Map(
            "scan_settings",
            ScannerKey(),
            SchemaNode.Object(
                "<scanner>",
                SchemaNode.List("resource_types", ValueRules.OneOf("EBS", "EC2", "S3", "ALL"), "a list of EBS, EC2, S3 or ALL"),
                SchemaNode.Scalar("scanner_role_arn", ValueRules.Arn("arn:aws:iam::$account:role/ScannerRole")))));

    private static SchemaNode Rule() => SchemaNode.Object(
        "<rule>",
        SchemaNode.Scalar("schedule_expression", ValueRules.Pattern(PolicyPatterns.Cron(), "a cron expression such as cron(0 5 ? * * *)", "cron(0 5 ? * * *)")),
        SchemaNode.Scalar("schedule_expression_timezone", ValueRules.Text(1, 100, "Etc/UTC")),
        SchemaNode.Scalar("start_backup_window_minutes", ValueRules.Integer(60, 52_560_000, "480")),
        SchemaNode.Scalar("complete_backup_window_minutes", ValueRules.Integer(1, 52_560_000, "10080")),
        SchemaNode.Scalar("target_backup_vault_name", ValueRules.Pattern(PolicyPatterns.VaultName(), "a vault name of 2-50 letters, digits, '-' or '_'", "vault")),
        SchemaNode.Scalar("target_logically_air_gapped_backup_vault_arn", ValueRules.Arn("arn:aws:backup:$region:$account:backup-vault:AirGappedVault")),
        SchemaNode.Scalar("enable_continuous_backup", ValueRules.Boolean()),
        Lifecycle(),
        SchemaNode.Map(
            "copy_actions",
            ValueRules.Arn("arn:aws:backup:us-west-2:$account:backup-vault:copy-vault"),
            SchemaNode.Object(
                "<copy action>",
                SchemaNode.Scalar("target_backup_vault_arn", ValueRules.Arn("arn:aws:backup:us-west-2:$account:backup-vault:copy-vault")),
                Lifecycle())),
        SchemaNode.Map("recovery_point_tags", null, Tag()),
        SchemaNode.Object(
            "index_actions",
            SchemaNode.List("resource_types", ValueRules.OneOf("EBS", "S3"), "a list of EBS or S3")),
        SchemaNode.Map(
            "scan_actions",
            ScannerKey(),
            SchemaNode.Object("<scanner>", SchemaNode.Scalar("scan_mode", ValueRules.OneOf("INCREMENTAL_SCAN", "FULL_SCAN")))));

    private static SchemaNode Lifecycle() => SchemaNode.Object(
        "lifecycle",
        SchemaNode.Scalar("move_to_cold_storage_after_days", ValueRules.Integer(1, 36_500, "30")),
        SchemaNode.Scalar("delete_after_days", ValueRules.Integer(1, 36_500, "120")),
        SchemaNode.Scalar("opt_in_to_archive_for_supported_resources", ValueRules.Boolean()));

    private static SchemaNode TagSelection() => SchemaNode.Object(
        "<selection>",
        RoleArn(),
        SchemaNode.Scalar("tag_key", ValueRules.Text(1, 128, "backup")),
        SchemaNode.List("tag_value", ValueRules.Text(0, 256, "daily"), "a list of tag values"),
        Conditions());

    private static SchemaNode ResourceSelection() => SchemaNode.Object(
        "<selection>",
        RoleArn(),
        SchemaNode.List("resource_types", ValueRules.ResourcePattern(), "a list of \"*\" or ARN patterns"),
        SchemaNode.List("not_resource_types", ValueRules.ResourcePattern(), "a list of \"*\" or ARN patterns"),
        Conditions());

    private static SchemaNode Conditions()
    {
        static SchemaNode Operator(string name) => SchemaNode.Map(
            name,
            null,
            SchemaNode.Object(
                "<condition>",
                SchemaNode.Scalar("condition_key", ValueRules.Text(1, 128, "aws:ResourceTag/backup")),
                SchemaNode.Scalar("condition_value", ValueRules.Text(0, 256, "true"))));

        return SchemaNode.Object(
            "conditions",
            Operator("string_equals"),
            Operator("string_not_equals"),
            Operator("string_like"),
            Operator("string_not_like"));
    }

    private static SchemaNode AdvancedBackupSettings()
    {
        var enabledOrDisabled = ValueRules.OneOf("enabled", "disabled");
        return SchemaNode.Object(
            "advanced_backup_settings",
            SchemaNode.Object("ec2", SchemaNode.Scalar("windows_vss", enabledOrDisabled).WithAliases("WindowsVSS")),
            SchemaNode.Object(
                "s3",
                SchemaNode.Scalar("backup_acls", enabledOrDisabled),
                SchemaNode.Scalar("backup_object_tags", enabledOrDisabled)));
    }

    private static SchemaNode Tag() => SchemaNode.Object(
        "<tag>",
        SchemaNode.Scalar("tag_key", ValueRules.Text(1, 128, "owner")),
        SchemaNode.Scalar("tag_value", ValueRules.Text(0, 256, "backup")));

    private static SchemaNode RoleArn() =>
        SchemaNode.Scalar("iam_role_arn", ValueRules.Arn("arn:aws:iam::$account:role/BackupRole"));

    private static ValueRule NameKey(string what) => ValueRules.Pattern(
        PolicyPatterns.PlanName(), $"a {what} name of 1-50 letters, digits, '-', '_' or '.'", "name");

    private static ValueRule ScannerKey() => ValueRules.OneOf("GUARDDUTY");
}
