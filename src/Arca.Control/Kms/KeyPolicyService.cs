using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms.Internal;
using Arca.Control.Metadata;
using Arca.Control.Regions;

namespace Arca.Control.Kms;

/// <summary>
/// Key policies: GetKeyPolicy, PutKeyPolicy, ListKeyPolicies. A key has one policy, named <c>default</c>. PutKeyPolicy parses
/// the policy with the IAM parser (resource kind) and, unless bypassed, refuses a policy that would lock the caller out.
/// </summary>
/// <remarks>Thread-safe. These operations work on keys of the caller's account only, as in AWS.</remarks>
public sealed class KeyPolicyService(RegionSet regions, Authorizer authorizer, PageTokens tokens, TimeProvider time)
{
    private readonly KeyStore _keys = new(regions, time);
    private readonly KeyAccess _access = new(authorizer);

    /// <summary>The key policy text as it was put (or the default policy as AWS writes it).</summary>
    public async Task<string> GetKeyPolicyAsync(CallerIdentity caller, string? keyId, string? policyName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        KmsValidation.PolicyName(policyName);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "GetKeyPolicy", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:GetKeyPolicy", key, null, cancellationToken).ConfigureAwait(false);
        return key.Policy;
    }

    /// <exception cref="Errors.AwsServiceException">MalformedPolicyDocumentException with the parser's message, or AWS's lockout message.</exception>
    public async Task PutKeyPolicyAsync(
        CallerIdentity caller, string? keyId, string? policyName, string? policy, bool bypassPolicyLockoutSafetyCheck, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string keyField = KmsValidation.KeyId(keyId);
        KmsValidation.PolicyName(policyName);
        string text = KeyService.ParsedPolicy(policy);
        KeyRecord key = await _keys.FindAsync(caller, keyField, "PutKeyPolicy", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        await _access.AuthorizeAsync(caller, "kms:PutKeyPolicy", key, null, cancellationToken).ConfigureAwait(false);
        if (!bypassPolicyLockoutSafetyCheck)
        {
            await KeyService.LockoutSafetyCheckAsync(_access, caller, key.Arn, key.AccountId, text, cancellationToken).ConfigureAwait(false);
        }

        await _keys.UpdateAsync(key, current => current with { Policy = text }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the key's policies: always <c>default</c>.</summary>
    public async Task<KmsPage<string>> ListKeyPoliciesAsync(CallerIdentity caller, string? keyId, int? limit, string? marker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        KmsValidation.Limit(limit);
        KeyRecord key = await _keys.FindAsync(caller, keyId, "ListKeyPolicies", crossAccount: false, "keyId", cancellationToken).ConfigureAwait(false);
        if (KmsMarkers.Decode(tokens, $"kms-key-policies:{key.Arn}", marker) is not null)
        {
            throw KmsErrors.InvalidMarker();
        }

        await _access.AuthorizeAsync(caller, "kms:ListKeyPolicies", key, null, cancellationToken).ConfigureAwait(false);
        return new KmsPage<string>([KeyPolicies.DefaultName], null);
    }
}
