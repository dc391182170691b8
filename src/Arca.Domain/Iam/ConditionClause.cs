using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>
/// One operator/key pair of a <c>Condition</c> block, e.g. <c>"StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]}</c>.
/// Its values are OR'ed (for negated operators: the request value must match none of them); clauses of
/// one statement are AND'ed.
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="Key">The condition key as written (keys are matched case-insensitively).</param>
/// <param name="Values">The policy values, never empty; JSON numbers and booleans are kept as their JSON text.</param>
public sealed record ConditionClause(ConditionOperator Operator, string Key, ImmutableArray<string> Values);
