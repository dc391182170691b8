namespace Arca.Control.Organizations.Internal;

/// <summary>Which accounts of an organization may call an operation.</summary>
internal enum CallerAccess
{
    /// <summary>Any account of the organization (DescribeOrganization).</summary>
    Member,

    /// <summary>The management account or a delegated administrator (read operations).</summary>
    ManagementOrDelegatedAdministrator,

    /// <summary>The management account only (every change).</summary>
    Management,

    /// <summary>The management account or a delegated administrator for <c>backup.amazonaws.com</c> (changes to backup policies).</summary>
    ManagementOrBackupAdministrator,
}
