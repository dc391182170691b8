using System.Globalization;
using Arca.Control.Iam.Internal;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Domain.Iam;
using DomainPrincipal = Arca.Domain.Iam.RequestPrincipal;
using PrincipalKind = Arca.Control.Identity.PrincipalKind;

namespace Arca.Control.Iam;

/// <summary>
/// Decides every action of every service (docs/design/server.md §4): builds the evaluator's request from the
/// caller — account roots have implicit permissions in their own account; sessions have their role's inline
/// policies; organization keys and service control policies come from <see cref="IOrganizationMembership"/> —
/// and throws <see cref="AccessDeniedException"/> when the answer is no.
/// </summary>
/// <remarks>
/// Thread-safe. Reads the caller's role policies in its own transaction; call it before the operation's
/// transaction, never inside one (the SQLite store runs one transaction at a time).
/// </remarks>
public sealed class Authorizer(IMetadataStore store, IOrganizationMembership organizations, TimeProvider time)
{
    /// <summary>
    /// Returns when <paramref name="caller"/> may perform <paramref name="action"/>; throws otherwise.
    /// </summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <param name="action"><c>service:Operation</c>, e.g. <c>iam:CreateRole</c>.</param>
    /// <param name="resourceArn">The resource's ARN, or null when the action names none (only <c>"*"</c> matches).</param>
    /// <param name="resourceAccount">The account owning the resource; null means the caller's. Another account makes the request cross-account (both sides must allow).</param>
    /// <param name="resourcePolicy">The resource's policy (vault access policy, key policy, trust policy), if it has one.</param>
    /// <param name="mode"><see cref="AuthorizationMode.KmsKeyPolicy"/> when the resource policy is required (key policies, trust policies).</param>
    /// <param name="extra">Further condition keys (resource tags, <c>backup:CopyTargets</c>, <c>sts:ExternalId</c>…).</param>
    /// <param name="cancellationToken">Cancels the policy reads.</param>
    /// <exception cref="AccessDeniedException">The request is not allowed; the message names caller, action and resource.</exception>
    public async Task AuthorizeAsync(
        CallerIdentity caller,
        string action,
        string? resourceArn,
        string? resourceAccount = null,
        NamedPolicy? resourcePolicy = null,
        AuthorizationMode mode = AuthorizationMode.Standard,
        ConditionKeys? extra = null,
        CancellationToken cancellationToken = default)
    {
        AccessDecision decision = await DecideAsync(caller, action, resourceArn, resourceAccount, resourcePolicy, mode, extra, cancellationToken)
            .ConfigureAwait(false);
        if (!decision.IsAllowed)
        {
            throw Denied(caller, action, resourceArn, resourcePolicy, decision);
        }
    }

    /// <summary>The decision <see cref="AuthorizeAsync"/> acts on, without throwing.</summary>
    public async Task<AccessDecision> DecideAsync(
        CallerIdentity caller,
        string action,
        string? resourceArn,
        string? resourceAccount = null,
        NamedPolicy? resourcePolicy = null,
        AuthorizationMode mode = AuthorizationMode.Standard,
        ConditionKeys? extra = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(action);
        IReadOnlyList<NamedPolicy> identity = await IdentityPoliciesAsync(caller, cancellationToken).ConfigureAwait(false);
        OrganizationMembership? membership = caller.OrganizationId is null ? null
            : await organizations.GetMembershipAsync(caller.AccountId, cancellationToken).ConfigureAwait(false);
        ConditionKeys keys = (extra ?? ConditionKeys.Empty)
            .With(ConditionKeyNames.CurrentTime, time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        if (caller.OrganizationId is { } org)
        {
            keys = keys.With(ConditionKeyNames.PrincipalOrgId, org).With(ConditionKeyNames.PrincipalOrgPaths, caller.OrganizationPaths);
        }

        var request = new AuthorizationRequest
        {
            Context = new RequestContext(PrincipalOf(caller), action, resourceArn, resourceAccount) { ConditionKeys = keys },
            IdentityPolicies = identity,
            ResourcePolicy = resourcePolicy,
            Mode = mode,
            ServiceControlPolicies = membership is not null && membership.ManagementAccountId != caller.AccountId
                ? membership.ServiceControlPolicies
                : [],
        };
        return PolicyAuthorizer.Authorize(request);
    }

    /// <summary>The evaluator's principal for a caller.</summary>
    public static DomainPrincipal PrincipalOf(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind == PrincipalKind.AssumedRole
            ? DomainPrincipal.AssumedRole(caller.RoleArn!, caller.SessionName!)
            : DomainPrincipal.AccountRoot(caller.AccountId);
    }

    private async Task<IReadOnlyList<NamedPolicy>> IdentityPoliciesAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        if (caller.Kind != PrincipalKind.AssumedRole)
        {
            return [];
        }

        string roleName = Domain.Arns.Arn.Parse(caller.RoleArn!).RoleName!;
        IReadOnlyList<RolePolicy> policies = await store.TransactAsync(async tx =>
        {
            Role? role = await IamCollections.Roles.GetAsync(tx, IamCollections.RoleKey(caller.AccountId, roleName)).ConfigureAwait(false);
            if (role is null || role.RoleId != caller.RoleId)
            {
                return [];
            }

            return await IamCollections.RolePolicies.ListAsync(
                tx, new DocumentQuery { KeyPrefix = IamCollections.PolicyPrefix(caller.AccountId, roleName) }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        // Stored documents were validated when put; a document that no longer parses (after a parser change) grants nothing.
        return [.. policies
            .Select(p => PolicyDocument.TryParse(p.PolicyDocument, PolicyKind.Identity, IamValidation.MaxPolicyDocumentLength, out PolicyDocument? doc, out _)
                ? new NamedPolicy($"role {roleName} inline policy '{p.PolicyName}'", doc)
                : null)
            .OfType<NamedPolicy>()];
    }

    private static AccessDeniedException Denied(
        CallerIdentity caller, string action, string? resourceArn, NamedPolicy? resourcePolicy, AccessDecision decision)
    {
        string service = action[..action.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant();
        (string code, int status) = service switch
        {
            "iam" or "sts" => ("AccessDenied", 403),
            "kms" => ("AccessDeniedException", 400),
            _ => ("AccessDeniedException", 403),
        };
        string resource = resourceArn ?? "*";
        string why;
        if (decision.Outcome == AccessOutcome.ExplicitDeny)
        {
            string policyName = decision.Statements.IsDefaultOrEmpty ? string.Empty : decision.Statements[0].PolicyName;
            string kind = resourcePolicy is not null && policyName == resourcePolicy.Name ? "a resource-based policy"
                : policyName.Contains(" inline policy ", StringComparison.Ordinal) ? "an identity-based policy"
                : "a service control policy";
            why = $"with an explicit deny in {kind}";
        }
        else
        {
            bool identityMissing = caller.Kind != PrincipalKind.AccountRoot
                && (decision.Reason.Contains("no identity policy", StringComparison.Ordinal)
                    || decision.Reason.Contains("no identity or resource policy", StringComparison.Ordinal));
            why = decision.Reason.Contains("service control policy", StringComparison.Ordinal)
                ? $"because no service control policy allows the {action} action"
                : identityMissing
                    ? $"because no identity-based policy allows the {action} action"
                    : $"because no resource-based policy allows the {action} action";
        }

        return new AccessDeniedException(
            code, $"User: {caller.PrincipalArn} is not authorized to perform: {action} on resource: {resource} {why}", status, decision);
    }
}
