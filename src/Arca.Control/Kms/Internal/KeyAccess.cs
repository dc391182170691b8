using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Domain.Iam;

namespace Arca.Control.Kms.Internal;

/// <summary>
/// Authorizes an action on a key (docs/design/kms.md §4): the key policy is required (<see cref="AuthorizationMode.KmsKeyPolicy"/>)
/// — it allows the caller directly, or delegates to the caller's account whose identity side must allow too; across
/// accounts both sides must allow. An AWS-managed key is never usable by another account, whatever its policy says.
/// The key's tags are supplied as <c>aws:ResourceTag/…</c>.
/// </summary>
/// <remarks>Thread-safe. Call it outside any transaction of the global store (the Authorizer reads role policies).</remarks>
internal sealed class KeyAccess(Authorizer authorizer)
{
    /// <summary>A key policy is at most 32 KB; the parser's limit is in characters, so this bound is never the one that bites.</summary>
    private const int MaxPolicyCharacters = 131072;

    /// <exception cref="AccessDeniedException">The caller may not perform <paramref name="action"/> on <paramref name="key"/>.</exception>
    public async Task AuthorizeAsync(CallerIdentity caller, string action, KeyRecord key, ConditionKeys? extra, CancellationToken cancellationToken)
    {
        if (key.Manager == KeyManager.Aws && key.AccountId != caller.AccountId)
        {
            string reason = $"{key.Arn} is an AWS managed key: it can be used only in its own account {key.AccountId}";
            throw new AccessDeniedException(
                "AccessDeniedException",
                $"User: {caller.PrincipalArn} is not authorized to perform: {action} on resource: {key.Arn} because an AWS managed key cannot be used by another account",
                400,
                new AccessDecision(AccessOutcome.ImplicitDeny, "Implicitly denied: " + reason, []));
        }

        ConditionKeys keys = extra ?? ConditionKeys.Empty;
        foreach (KmsTag tag in key.Tags)
        {
            keys = keys.With(ConditionKeyNames.ResourceTag(tag.TagKey), tag.TagValue);
        }

        await authorizer.AuthorizeAsync(
            caller, action, key.Arn, key.AccountId, PolicyOf(key.Arn, key.Policy), AuthorizationMode.KmsKeyPolicy, keys, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Authorizes against <paramref name="policy"/> instead of the key's stored one (the lockout safety check of a new policy).</summary>
    public async Task<AccessDecision> DecideAsync(
        CallerIdentity caller, string action, string keyArn, string keyAccount, string policy, CancellationToken cancellationToken) =>
        await authorizer.DecideAsync(
            caller, action, keyArn, keyAccount, PolicyOf(keyArn, policy), AuthorizationMode.KmsKeyPolicy, cancellationToken: cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Identity-only actions (CreateKey, ListKeys, ListAliases, GenerateRandom, the alias side of alias operations).</summary>
    public Task AuthorizeIdentityAsync(CallerIdentity caller, string action, string? resourceArn, CancellationToken cancellationToken) =>
        authorizer.AuthorizeAsync(caller, action, resourceArn, cancellationToken: cancellationToken);

    /// <summary>The stored policy parsed as a resource policy; null (nobody is allowed) if it no longer parses.</summary>
    private static NamedPolicy? PolicyOf(string keyArn, string policy) =>
        PolicyDocument.TryParse(policy, PolicyKind.Resource, MaxPolicyCharacters, out PolicyDocument? document, out _)
            ? new NamedPolicy($"key policy of {keyArn}", document)
            : null;
}
