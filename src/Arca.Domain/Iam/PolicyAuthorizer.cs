using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>
/// Combines identity, resource and service control policies the way AWS does. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>An applicable Deny in any policy wins (<see cref="AccessOutcome.ExplicitDeny"/>).</item>
/// <item>Each level of service control policies must allow the action (not for service principals).</item>
/// <item>A service principal needs the resource policy to allow it; it has no identity side.</item>
/// <item>Cross-account: the identity side (the root's implicit permissions, or an identity policy) and the
/// resource policy (naming the caller, its role, or its account) must both allow.</item>
/// <item>Same account, <see cref="AuthorizationMode.Standard"/>: the identity side or a resource-policy statement
/// naming the caller directly suffices; a resource policy naming only the account delegates to identity policies.</item>
/// <item>Same account, <see cref="AuthorizationMode.KmsKeyPolicy"/>: the key policy must allow directly, or
/// delegate to the account while the identity side allows.</item>
/// <item>Otherwise <see cref="AccessOutcome.ImplicitDeny"/>.</item>
/// </list>
/// The account root's identity side always allows: it has implicit full permissions.
/// </remarks>
public static class PolicyAuthorizer
{
    private const string RootPermissions = "the account root's implicit permissions";

    /// <summary>Decides whether the request is allowed, and says why.</summary>
    /// <exception cref="ArgumentException">A policy of the wrong <see cref="PolicyKind"/> is passed in a slot.</exception>
    public static AccessDecision Authorize(AuthorizationRequest request)
    {
        Validate(request);
        RequestContext context = request.Context;
        ConditionKeys keys = context.EffectiveConditionKeys();
        Evaluated Evaluate(NamedPolicy policy) => new(policy, PolicyEvaluator.Evaluate(policy.Document, context, keys));

        bool isService = context.Principal.Kind == PrincipalKind.Service;
        List<List<Evaluated>> scpLevels = isService ? [] : [.. request.ServiceControlPolicies.Select(l => l.Select(Evaluate).ToList())];
        List<Evaluated> identity = [.. request.IdentityPolicies.Select(Evaluate)];
        Evaluated? resource = request.ResourcePolicy is { } resourcePolicy ? Evaluate(resourcePolicy) : null;

        IEnumerable<Evaluated> all = scpLevels.SelectMany(l => l).Concat(identity);
        if (resource is { } r)
        {
            all = all.Append(r);
        }

        if (all.FirstOrDefault(e => e.Result.Decision == PolicyDecision.Deny) is { Policy: not null } deny)
        {
            return new AccessDecision(AccessOutcome.ExplicitDeny, $"Explicitly denied by {deny.Reference}", [deny.Reference]);
        }

        for (int level = 0; level < scpLevels.Count; level++)
        {
            if (!scpLevels[level].Any(e => e.Result.Decision == PolicyDecision.Allow))
            {
                return Implicit($"no service control policy at organization level {level} allows {context.Action}");
            }
        }

        Evaluated? identityAllow = identity.FirstOrDefault(e => e.Result.Decision == PolicyDecision.Allow) is { Policy: not null } allow
            ? allow : null;
        var sides = new Sides(context, identityAllow, resource, request.ResourcePolicy?.Name);
        return isService ? ForService(sides)
            : context.IsCrossAccount ? CrossAccount(sides)
            : request.Mode == AuthorizationMode.KmsKeyPolicy ? SameAccountKms(sides)
            : SameAccount(sides);
    }

    private static AccessDecision ForService(Sides s)
    {
        string who = $"service principal {s.Context.Principal.ServiceName}";
        return s.ResourceDirect ? Allowed($"Allowed by {s.Resource!.Value.Reference} for {who}", s.Resource.Value.Reference)
            : s.ResourceName is null ? Implicit($"there is no resource policy to allow {who} to perform {s.Context.Action}")
            : Implicit($"{s.ResourceName} does not allow {who} to perform {s.Context.Action}");
    }

    private static AccessDecision CrossAccount(Sides s)
    {
        if (s.IdentityAllows && s.ResourceAllows)
        {
            return Allowed(
                $"Allowed across accounts by {s.IdentityText} and {s.Resource!.Value.Reference}",
                [.. s.IdentityReferences, s.Resource.Value.Reference]);
        }

        var missing = new List<string>();
        if (!s.IdentityAllows)
        {
            missing.Add($"no identity policy of the caller allows {s.Context.Action}");
        }

        if (!s.ResourceAllows)
        {
            missing.Add(s.ResourceName is null ? "the resource has no resource policy" : $"{s.ResourceName} does not allow it");
        }

        return Implicit(
            $"a cross-account request needs an allow from both the caller's identity policies and the resource policy; {string.Join(" and ", missing)}");
    }

    private static AccessDecision SameAccountKms(Sides s)
    {
        string account = s.Context.Principal.AccountId!;
        if (s.ResourceName is null)
        {
            return Implicit("KMS requires a key policy and the key has none");
        }

        if (s.ResourceDirect)
        {
            return Allowed($"Allowed by {s.Resource!.Value.Reference}", s.Resource.Value.Reference);
        }

        if (!s.ResourceAllows)
        {
            return Implicit($"{s.ResourceName} neither allows {s.Context.Action} nor delegates it to account {account}");
        }

        StatementReference key = s.Resource!.Value.Reference;
        return s.IdentityAllows
            ? Allowed($"Allowed by {s.IdentityText} through {key}, which delegates to account {account}", [.. s.IdentityReferences, key])
            : Implicit($"{key} delegates to account {account} but no identity policy allows {s.Context.Action}");
    }

    private static AccessDecision SameAccount(Sides s)
    {
        if (s.IdentityAllows)
        {
            return Allowed($"Allowed by {s.IdentityText}", [.. s.IdentityReferences]);
        }

        if (s.ResourceDirect)
        {
            return Allowed($"Allowed by {s.Resource!.Value.Reference}", s.Resource.Value.Reference);
        }

        string on = s.Context.Resource is null ? string.Empty : $" on {s.Context.Resource}";
        return Implicit($"no identity or resource policy allows {s.Context.Action}{on}");
    }

    private static AccessDecision Allowed(string reason, params ImmutableArray<StatementReference> statements) =>
        new(AccessOutcome.Allowed, reason, statements);

    private static AccessDecision Implicit(string why) => new(AccessOutcome.ImplicitDeny, "Implicitly denied: " + why, []);

    private static void Validate(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Context);
        foreach (NamedPolicy policy in request.IdentityPolicies.Concat(request.ServiceControlPolicies.SelectMany(l => l)))
        {
            if (policy.Document.Kind != PolicyKind.Identity)
            {
                throw new ArgumentException($"Policy '{policy.Name}' is a {policy.Document.Kind} policy, not an identity policy", nameof(request));
            }
        }

        if (request.ResourcePolicy is { Document.Kind: PolicyKind.Identity } wrong)
        {
            throw new ArgumentException($"Policy '{wrong.Name}' is an identity policy, not a resource policy", nameof(request));
        }
    }

    private readonly record struct Evaluated(NamedPolicy Policy, PolicyEvaluation Result)
    {
        public StatementReference Reference => StatementReference.Of(Policy, Result.Statement!);
    }

    private sealed record Sides(RequestContext Context, Evaluated? IdentityAllow, Evaluated? Resource, string? ResourceName)
    {
        public bool IsRoot => Context.Principal.Kind == PrincipalKind.AccountRoot;

        public bool IdentityAllows => IsRoot || IdentityAllow is not null;

        public bool ResourceAllows => Resource?.Result.Decision == PolicyDecision.Allow;

        public bool ResourceDirect => ResourceAllows && !Resource!.Value.Result.IsAccountDelegation;

        public string IdentityText => IdentityAllow is { } allow ? allow.Reference.ToString() : RootPermissions;

        public IEnumerable<StatementReference> IdentityReferences =>
            IdentityAllow is { } allow ? [allow.Reference] : [];
    }
}
