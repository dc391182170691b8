using Arca.Control.Errors;

namespace Arca.Control.Organizations;

/// <summary>
/// Organizations' error codes (awsJson1.1, <c>__type</c>) with the HTTP statuses of the Smithy model and AWS's
/// wording, completed with the identifier or field concerned.
/// </summary>
public static class OrganizationErrors
{
    /// <summary><c>InvalidInputException</c> 400: a field is missing, malformed or out of range; the message names it.</summary>
    public static AwsServiceException InvalidInput(string message) => new("InvalidInputException", message, 400);

    /// <summary><c>AccessDeniedException</c> 403: the caller's account may not call this operation (not the management account).</summary>
    public static AwsServiceException AccessDenied(string operation) =>
        new("AccessDeniedException",
            $"You don't have permissions to access this resource: only the organization's management account may call {operation}.", 403);

    /// <summary><c>AccessDeniedException</c> 403 for read operations, which delegated administrators may call too.</summary>
    public static AwsServiceException AccessDeniedForReads(string operation) =>
        new("AccessDeniedException",
            $"You don't have permissions to access this resource: only the management account or a delegated administrator may call {operation}.", 403);

    /// <summary><c>AccessDeniedException</c> 403 for changes to backup policies, which Backup's delegated administrators may make too.</summary>
    public static AwsServiceException AccessDeniedForBackupPolicies(string operation) =>
        new("AccessDeniedException",
            $"You don't have permissions to access this resource: only the management account or a delegated administrator for backup.amazonaws.com may call {operation}.", 403);

    /// <summary><c>AWSOrganizationsNotInUseException</c> 404.</summary>
    public static AwsServiceException NotInUse() =>
        new("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 404);

    /// <summary><c>AlreadyInOrganizationException</c> 409.</summary>
    public static AwsServiceException AlreadyInOrganization(string organizationId) =>
        new("AlreadyInOrganizationException", $"The AWS account is already a member of an organization ({organizationId}).", 409);

    /// <summary><c>OrganizationNotEmptyException</c> 409.</summary>
    public static AwsServiceException OrganizationNotEmpty(int members) =>
        new("OrganizationNotEmptyException",
            $"To delete an organization you must first remove all member accounts (except the management account); it has {members}.", 409);

    /// <summary><c>AccountNotFoundException</c> 404.</summary>
    public static AwsServiceException AccountNotFound(string accountId) =>
        new("AccountNotFoundException", $"You specified an account that doesn't exist in this organization: {accountId}.", 404);

    /// <summary><c>ParentNotFoundException</c> 404.</summary>
    public static AwsServiceException ParentNotFound(string parentId) =>
        new("ParentNotFoundException", $"We can't find a root or OU with the ParentId that you specified: {parentId}.", 404);

    /// <summary><c>ChildNotFoundException</c> 404.</summary>
    public static AwsServiceException ChildNotFound(string childId) =>
        new("ChildNotFoundException", $"We can't find an organizational unit (OU) or account with the ChildId that you specified: {childId}.", 404);

    /// <summary><c>OrganizationalUnitNotFoundException</c> 404.</summary>
    public static AwsServiceException OrganizationalUnitNotFound(string ouId) =>
        new("OrganizationalUnitNotFoundException", $"We can't find an OU with the OrganizationalUnitId that you specified: {ouId}.", 404);

    /// <summary><c>OrganizationalUnitNotEmptyException</c> 409.</summary>
    public static AwsServiceException OrganizationalUnitNotEmpty(string ouId) =>
        new("OrganizationalUnitNotEmptyException",
            $"The specified OU {ouId} is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.", 409);

    /// <summary><c>DuplicateOrganizationalUnitException</c> 409.</summary>
    public static AwsServiceException DuplicateOrganizationalUnit(string name, string parentId) =>
        new("DuplicateOrganizationalUnitException", $"An OU with the same name already exists: '{name}' in {parentId}.", 409);

    /// <summary><c>SourceParentNotFoundException</c> 404.</summary>
    public static AwsServiceException SourceParentNotFound(string message) => new("SourceParentNotFoundException", message, 404);

    /// <summary><c>DestinationParentNotFoundException</c> 404.</summary>
    public static AwsServiceException DestinationParentNotFound(string parentId) =>
        new("DestinationParentNotFoundException",
            $"We can't find the destination container (a root or OU) with the ParentId that you specified: {parentId}.", 404);

    /// <summary><c>DuplicateAccountException</c> 409.</summary>
    public static AwsServiceException DuplicateAccount(string accountId, string parentId) =>
        new("DuplicateAccountException", $"That account is already present in the specified destination: {accountId} is in {parentId}.", 409);

    /// <summary><c>MasterCannotLeaveOrganizationException</c> 409.</summary>
    public static AwsServiceException ManagementCannotLeave() =>
        new("MasterCannotLeaveOrganizationException",
            "You can't remove the management account from an organization. You must delete the organization instead.", 409);

    /// <summary><c>ConstraintViolationException</c> 409; AWS's reason code starts the message.</summary>
    public static AwsServiceException ConstraintViolation(string reason, string message) =>
        new("ConstraintViolationException", $"{reason}: {message}", 409);

    /// <summary><c>CreateAccountStatusNotFoundException</c> 404.</summary>
    public static AwsServiceException CreateAccountStatusNotFound(string requestId) =>
        new("CreateAccountStatusNotFoundException",
            $"We can't find an create account request with the CreateAccountRequestId that you specified: {requestId}.", 404);

    /// <summary><c>AccountAlreadyRegisteredException</c> 409.</summary>
    public static AwsServiceException AccountAlreadyRegistered(string accountId, string servicePrincipal) =>
        new("AccountAlreadyRegisteredException",
            $"The provided account {accountId} is already a delegated administrator for {servicePrincipal}.", 409);

    /// <summary><c>AccountNotRegisteredException</c> 409.</summary>
    public static AwsServiceException AccountNotRegistered(string accountId, string? servicePrincipal) =>
        new("AccountNotRegisteredException", servicePrincipal is null
            ? $"The provided account {accountId} is not a registered delegated administrator for your organization."
            : $"The provided account {accountId} is not a registered delegated administrator for {servicePrincipal}.", 409);
}
