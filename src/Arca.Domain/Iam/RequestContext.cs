using Arca.Domain.Arns;

namespace Arca.Domain.Iam;

/// <summary>
/// Everything about one request that policies are evaluated against.
/// </summary>
/// <remarks>
/// <para>Callers supply organization and service keys in <see cref="ConditionKeys"/>:
/// <c>aws:PrincipalOrgID</c> and <c>aws:PrincipalOrgPaths</c> (only when the caller's account is in an
/// organization), <c>aws:ResourceTag/K</c> for each tag of the resource, <c>aws:SourceAccount</c>,
/// <c>aws:CurrentTime</c>, and service keys such as <c>backup:CopyTargets</c>.</para>
/// <para>Keys derived from the principal and resource are computed by <see cref="EffectiveConditionKeys"/>
/// and override caller-supplied values: <c>aws:PrincipalArn</c>, <c>aws:PrincipalAccount</c>,
/// <c>aws:PrincipalIsAWSService</c>, <c>aws:PrincipalServiceName</c>, <c>aws:ResourceAccount</c> and, on
/// <c>kms:</c> actions, <c>kms:CallerAccount</c>.</para>
/// </remarks>
public sealed record RequestContext
{
    /// <summary>Creates a request context.</summary>
    /// <param name="principal">The authenticated caller.</param>
    /// <param name="action">The action, <c>service:Operation</c> (e.g. <c>backup:CopyIntoBackupVault</c>).</param>
    /// <param name="resource">The resource ARN, or null when the action names no resource (only <c>"*"</c> then matches).</param>
    /// <param name="resourceAccount">
    /// The account owning the resource; null means the caller's own account. A different account makes the
    /// request cross-account.
    /// </param>
    /// <exception cref="ArgumentException">The action is not <c>service:Operation</c> or the resource account is not twelve digits.</exception>
    public RequestContext(RequestPrincipal principal, string action, string? resource = null, string? resourceAccount = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(action);
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            throw new ArgumentException($"Action '{action}' must be of the form service:Operation", nameof(action));
        }

        if (resourceAccount is not null)
        {
            AccountId.Validate(resourceAccount, nameof(resourceAccount));
        }

        Principal = principal;
        Action = action;
        Resource = resource;
        ResourceAccount = resourceAccount;
    }

    /// <summary>The caller.</summary>
    public RequestPrincipal Principal { get; }

    /// <summary>The action, <c>service:Operation</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN, or null for none.</summary>
    public string? Resource { get; }

    /// <summary>The account owning the resource, or null for the caller's own.</summary>
    public string? ResourceAccount { get; }

    /// <summary>Caller-supplied condition keys; see the remarks for which ones.</summary>
    public ConditionKeys ConditionKeys { get; init; } = ConditionKeys.Empty;

    /// <summary>True when the caller has an account and the resource belongs to another one.</summary>
    public bool IsCrossAccount =>
        Principal.AccountId is not null && ResourceAccount is not null
        && !string.Equals(Principal.AccountId, ResourceAccount, StringComparison.Ordinal);

    /// <summary>The caller-supplied keys plus the keys derived from the principal, resource account and action.</summary>
    public ConditionKeys EffectiveConditionKeys()
    {
        ConditionKeys keys = ConditionKeys;
        bool isService = Principal.Kind == PrincipalKind.Service;
        keys = keys.With(ConditionKeyNames.PrincipalIsAwsService, isService ? "true" : "false");
        keys = Set(keys, ConditionKeyNames.PrincipalArn, Principal.PrincipalArn);
        keys = Set(keys, ConditionKeyNames.PrincipalAccount, Principal.AccountId);
        keys = Set(keys, ConditionKeyNames.PrincipalServiceName, Principal.ServiceName);
        keys = Set(keys, ConditionKeyNames.ResourceAccount, ResourceAccount ?? Principal.AccountId);
        if (Action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase))
        {
            keys = Set(keys, ConditionKeyNames.KmsCallerAccount, Principal.AccountId);
        }

        return keys;
    }

    private static ConditionKeys Set(ConditionKeys keys, string key, string? value) =>
        value is null ? keys.Without(key) : keys.With(key, value);
}
