namespace Arca.Domain.Iam;

/// <summary>The set operator prefixed to a condition operator, for multivalued condition keys.</summary>
public enum SetQualifier
{
    /// <summary>No prefix: the request must carry the key (unless the operator is negated or <c>…IfExists</c>).</summary>
    None,

    /// <summary><c>ForAnyValue:</c> true when at least one request value satisfies the operator; false when the key is missing or empty.</summary>
    ForAnyValue,

    /// <summary><c>ForAllValues:</c> true when every request value satisfies the operator; true when the key is missing or empty.</summary>
    ForAllValues,
}
