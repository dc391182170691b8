using Arca.Domain.Arns;

namespace Arca.Domain.Iam.Internal;

/// <summary>Decides whether one statement applies to a request, and how its principal element matched.</summary>
internal static class StatementMatcher
{
    public static PrincipalMatch Applies(PolicyStatement statement, RequestContext context, ConditionKeys keys, PolicyVersion version)
    {
        PrincipalMatch principal = MatchPrincipal(statement, context.Principal);
        if (principal == PrincipalMatch.None
            || !MatchAction(statement.Action, context.Action)
            || !MatchResource(statement.Resource, context.Resource, keys, version)
            || !statement.Conditions.All(c => ConditionEvaluator.Holds(c, keys, version)))
        {
            return PrincipalMatch.None;
        }

        return principal;
    }

    private static PrincipalMatch MatchPrincipal(PolicyStatement statement, RequestPrincipal caller)
    {
        if (statement.Principal is { } principal)
        {
            return Match(principal, caller);
        }

        // NotPrincipal excludes the caller only when every identity in its chain (session, role, account) is
        // listed, as AWS checks each of them; otherwise the statement applies.
        if (statement.NotPrincipal is { } notPrincipal)
        {
            bool excluded = caller.Kind == PrincipalKind.Service
                ? notPrincipal.Services.Contains(caller.ServiceName!, StringComparer.Ordinal)
                : caller.IdentityChain().All(link => notPrincipal.Aws.Contains(link.Id, StringComparer.Ordinal));
            return excluded ? PrincipalMatch.None : PrincipalMatch.Direct;
        }

        return PrincipalMatch.Direct;
    }

    private static PrincipalMatch Match(PrincipalSet set, RequestPrincipal caller)
    {
        if (set.IsWildcard)
        {
            return PrincipalMatch.Direct;
        }

        if (caller.Kind == PrincipalKind.Service)
        {
            return set.Services.Contains(caller.ServiceName!, StringComparer.Ordinal) ? PrincipalMatch.Direct : PrincipalMatch.None;
        }

        PrincipalMatch best = PrincipalMatch.None;
        foreach ((string id, bool isAccount) in caller.IdentityChain())
        {
            if (set.Aws.Contains(id, StringComparer.Ordinal))
            {
                if (!isAccount)
                {
                    return PrincipalMatch.Direct;
                }

                best = PrincipalMatch.Account;
            }
        }

        return best;
    }

    private static bool MatchAction(PatternList actions, string action)
    {
        bool any = actions.Values.Any(pattern => new WildcardPattern(pattern).IsMatch(action, ignoreCase: true));
        return actions.IsNegated != any;
    }

    private static bool MatchResource(PatternList? resources, string? resource, ConditionKeys keys, PolicyVersion version)
    {
        if (resources is null)
        {
            return true;
        }

        bool any = resource is null
            ? resources.Values.Contains("*", StringComparer.Ordinal)
            : resources.Values.Any(pattern => PolicyVariables.Resolve(pattern, keys, version)?.IsMatch(resource) ?? false);
        return resources.IsNegated != any;
    }
}
