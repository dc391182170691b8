namespace Arca.Control.Iam;

/// <summary>Condition keys Arca's services add to requests beyond <c>Arca.Domain.Iam.ConditionKeyNames</c>.</summary>
public static class AuthorizationKeys
{
    /// <summary>The <c>ExternalId</c> of an AssumeRole call.</summary>
    public const string StsExternalId = "sts:ExternalId";

    /// <summary>The <c>RoleSessionName</c> of an AssumeRole call.</summary>
    public const string StsRoleSessionName = "sts:RoleSessionName";
}
