namespace Arca.Control.Layouts;

/// <summary>The resource types of layout changes, in CloudFormation's names.</summary>
public static class LayoutResourceTypes
{
    public const string Role = "AWS::IAM::Role";
    public const string Key = "AWS::KMS::Key";
    public const string Vault = "AWS::Backup::BackupVault";
    public const string BackupPolicy = "AWS::Organizations::Policy";

    /// <summary>The region of global items (roles, backup policies).</summary>
    public const string GlobalRegion = "global";
}
