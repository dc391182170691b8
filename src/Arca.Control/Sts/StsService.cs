using System.Globalization;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Domain.Arns;
using Arca.Domain.Iam;
using PrincipalKind = Arca.Control.Identity.PrincipalKind;

namespace Arca.Control.Sts;

/// <summary>
/// STS: GetCallerIdentity and AssumeRole. AssumeRole evaluates the role's trust policy with the caller as
/// principal (its organization keys included); the trust policy is required, as a key policy is, so an
/// identity policy alone never lets anyone assume a role, and across accounts the caller's side must allow
/// too (a root's implicitly does). Sessions of sessions (role chaining) last at most one hour.
/// </summary>
/// <remarks>Thread-safe. Errors use STS's codes: ValidationError, AccessDenied.</remarks>
public sealed class StsService(CredentialStore credentials, RoleService roles, Authorizer authorizer, TimeProvider time)
{
    public const int MinDurationSeconds = 900;
    public const int MaxDurationSeconds = 43200;
    public const int DefaultDurationSeconds = 3600;
    public const int RoleChainingMaxSeconds = 3600;

    /// <summary>Who the caller is; needs no permission, as in AWS.</summary>
    public static CallerIdentityResult GetCallerIdentity(CallerIdentity caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string userId = caller.Kind == PrincipalKind.AssumedRole ? $"{caller.RoleId}:{caller.SessionName}" : caller.AccountId;
        return new CallerIdentityResult(userId, caller.AccountId, caller.PrincipalArn);
    }

    /// <exception cref="AwsServiceException"><c>ValidationError</c> naming the field; <c>AccessDenied</c> when the role
    /// does not exist or its trust policy (or, across accounts, the caller's side) does not allow the caller.</exception>
    public async Task<AssumeRoleResult> AssumeRoleAsync(CallerIdentity caller, AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        Arn roleArn = ValidRoleArn(request.RoleArn);
        string sessionName = StsValidation.SessionName(request.RoleSessionName);
        int? duration = StsValidation.Duration(request.DurationSeconds);
        StsValidation.ExternalId(request.ExternalId);
        StsValidation.RefuseUnsupported(request);

        Role? role = await roles.FindRoleAsync(roleArn.Account, roleArn.RoleName!, cancellationToken).ConfigureAwait(false);
        ConditionKeys keys = ConditionKeys.Empty.With(AuthorizationKeys.StsRoleSessionName, sessionName);
        if (request.ExternalId is { } externalId)
        {
            keys = keys.With(AuthorizationKeys.StsExternalId, externalId);
        }

        // A stored trust policy that no longer parses (after a parser change) trusts nobody.
        NamedPolicy? trust = role is not null && role.Arn == roleArn.ToString()
            && PolicyDocument.TryParse(role.AssumeRolePolicyDocument, PolicyKind.RoleTrust, 131072, out PolicyDocument? document, out _)
            ? new NamedPolicy($"role {role.RoleName} trust policy", document)
            : null;

        // A missing role is denied like an untrusting one: AssumeRole does not reveal which roles exist.
        await authorizer.AuthorizeAsync(
            caller, "sts:AssumeRole", roleArn.ToString(), roleArn.Account, trust, AuthorizationMode.KmsKeyPolicy, keys, cancellationToken)
            .ConfigureAwait(false);

        int seconds = duration ?? DefaultDurationSeconds;
        if (caller.Kind == PrincipalKind.AssumedRole && seconds > RoleChainingMaxSeconds)
        {
            throw IamErrors.Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }

        if (seconds > role!.MaxSessionDuration)
        {
            throw IamErrors.Validation(
                $"The requested DurationSeconds exceeds the MaxSessionDuration set for this role ({role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture)} seconds).");
        }

        DateTimeOffset expires = time.GetUtcNow().AddSeconds(seconds);
        expires = new DateTimeOffset(expires.Ticks - (expires.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        IssuedAccessKey issued = await credentials.IssueSessionAsync(
            new SessionGrant(role.AccountId, role.Arn, role.RoleId, sessionName, expires), cancellationToken).ConfigureAwait(false);
        return new AssumeRoleResult(
            issued, $"{role.RoleId}:{sessionName}", Arn.AssumedRole(role.AccountId, role.RoleName, sessionName).ToString());
    }

    private static Arn ValidRoleArn(string? text)
    {
        if (text is null)
        {
            throw IamErrors.Validation("roleArn", null, string.Empty);
        }

        if (text.Length is < 20 or > 2048)
        {
            throw IamErrors.Validation("roleArn", text, "Member must have length between 20 and 2048");
        }

        return Arn.TryParse(text, out Arn? arn, out _) && arn.Kind == ArnKind.Role
            ? arn
            : throw IamErrors.Validation($"RoleArn '{text}' is not a role ARN: it must look like arn:aws:iam::123456789012:role/NAME");
    }
}
