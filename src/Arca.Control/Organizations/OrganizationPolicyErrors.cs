using Arca.Control.Errors;

namespace Arca.Control.Organizations;

/// <summary>
/// The errors of Organizations' policy operations (aws-api.md §1.6, §4.1): the HTTP statuses of the Smithy model and AWS's
/// wording, completed with the identifier, field or document element concerned.
/// </summary>
public static class OrganizationPolicyErrors
{
    /// <summary><c>PolicyNotFoundException</c> 404.</summary>
    public static AwsServiceException PolicyNotFound(string policyId) =>
        new("PolicyNotFoundException", $"We can't find a policy with the PolicyId that you specified: {policyId}.", 404);

    /// <summary><c>DuplicatePolicyException</c> 409.</summary>
    public static AwsServiceException DuplicatePolicy(string name) =>
        new("DuplicatePolicyException", $"A policy with the same name already exists: '{name}'.", 409);

    /// <summary><c>MalformedPolicyDocumentException</c> 400: the message names every offending element (up to a few) and why.</summary>
    public static AwsServiceException MalformedPolicyDocument(string detail) =>
        new("MalformedPolicyDocumentException", $"The provided policy document doesn't meet the requirements of BACKUP_POLICY: {detail}", 400);

    /// <summary><c>PolicyInUseException</c> 409.</summary>
    public static AwsServiceException PolicyInUse(string policyId, int targets) =>
        new("PolicyInUseException",
            $"The policy {policyId} is attached to {targets} target(s). You must detach it from all roots, OUs, and accounts before performing this operation.", 409);

    /// <summary><c>DuplicatePolicyAttachmentException</c> 409.</summary>
    public static AwsServiceException DuplicatePolicyAttachment(string policyId, string targetId) =>
        new("DuplicatePolicyAttachmentException", $"The selected policy {policyId} is already attached to the specified target {targetId}.", 409);

    /// <summary><c>PolicyNotAttachedException</c> 409.</summary>
    public static AwsServiceException PolicyNotAttached(string policyId, string targetId) =>
        new("PolicyNotAttachedException", $"The policy {policyId} isn't attached to the specified target {targetId}.", 409);

    /// <summary><c>TargetNotFoundException</c> 404.</summary>
    public static AwsServiceException TargetNotFound(string targetId) =>
        new("TargetNotFoundException", $"We can't find a root, OU, or account with the TargetId that you specified: {targetId}.", 404);

    /// <summary><c>RootNotFoundException</c> 404.</summary>
    public static AwsServiceException RootNotFound(string rootId) =>
        new("RootNotFoundException", $"We can't find a root with the RootId that you specified: {rootId}.", 404);

    /// <summary><c>PolicyTypeNotEnabledException</c> 409.</summary>
    public static AwsServiceException PolicyTypeNotEnabled(string policyType, string rootId) =>
        new("PolicyTypeNotEnabledException",
            $"The specified policy type {policyType} isn't currently enabled in this root ({rootId}). You can't attach policies of that type until you enable it with EnablePolicyType.", 409);

    /// <summary><c>PolicyTypeAlreadyEnabledException</c> 409.</summary>
    public static AwsServiceException PolicyTypeAlreadyEnabled(string policyType, string rootId) =>
        new("PolicyTypeAlreadyEnabledException", $"The specified policy type {policyType} is already enabled in the specified root {rootId}.", 409);

    /// <summary><c>PolicyTypeNotAvailableForOrganizationException</c> 409: a type the feature set forbids, or one Arca does not implement.</summary>
    public static AwsServiceException PolicyTypeNotAvailable(string message) => new("PolicyTypeNotAvailableForOrganizationException", message, 409);

    /// <summary><c>EffectivePolicyNotFoundException</c> 400 (the model gives it no status).</summary>
    public static AwsServiceException EffectivePolicyNotFound(string message) => new("EffectivePolicyNotFoundException", message, 400);
}
