using Arca.Domain.Iam.Internal;

namespace Arca.Domain.Iam;

/// <summary>
/// Evaluates a single policy document against a request: a statement applies when its principal element
/// (if any) names the caller, its Action/NotAction matches the action (case-insensitively), its
/// Resource/NotResource matches the resource (case-sensitively, with policy variables) and every condition
/// clause holds. Pure and thread-safe. To combine identity and resource policies use <see cref="PolicyAuthorizer"/>.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>Evaluates <paramref name="policy"/> against <paramref name="context"/> (with its effective condition keys).</summary>
    public static PolicyEvaluation Evaluate(PolicyDocument policy, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Evaluate(policy, context, context.EffectiveConditionKeys());
    }

    internal static PolicyEvaluation Evaluate(PolicyDocument policy, RequestContext context, ConditionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(policy);
        PolicyStatement? direct = null;
        PolicyStatement? viaAccount = null;
        foreach (PolicyStatement statement in policy.Statements)
        {
            PrincipalMatch match = StatementMatcher.Applies(statement, context, keys, policy.Version);
            if (match == PrincipalMatch.None)
            {
                continue;
            }

            if (statement.Effect == StatementEffect.Deny)
            {
                return new PolicyEvaluation(PolicyDecision.Deny, statement, false);
            }

            if (match == PrincipalMatch.Direct)
            {
                direct ??= statement;
            }
            else
            {
                viaAccount ??= statement;
            }
        }

        return direct is not null ? new PolicyEvaluation(PolicyDecision.Allow, direct, false)
            : viaAccount is not null ? new PolicyEvaluation(PolicyDecision.Allow, viaAccount, true)
            : PolicyEvaluation.NotApplicable;
    }
}
