namespace Arca.Control.Organizations;

/// <summary>AWS's names of the organization policy types Arca knows.</summary>
public static class OrganizationPolicyTypes
{
    /// <summary>Service control policies: enabled in the root of every organization with all features, as AWS does.</summary>
    public const string ServiceControlPolicy = "SERVICE_CONTROL_POLICY";

    /// <summary>Backup policies (issue 5): enabled with <c>EnablePolicyType</c>.</summary>
    public const string BackupPolicy = "BACKUP_POLICY";
}
