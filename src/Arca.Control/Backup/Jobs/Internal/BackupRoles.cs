using Arca.Control.Iam;
using Arca.Domain.Arns;
using Arca.Domain.Iam;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>
/// The role a job names must be a role of the caller's account that exists now and whose trust policy lets
/// <c>backup.amazonaws.com</c> assume it (AWS does not check; users are bitten by that — DESIGN.md §1).
/// </summary>
internal static class BackupRoles
{
    public const string ServicePrincipal = "backup.amazonaws.com";

    /// <summary>The shape of <paramref name="roleArn"/> (member <paramref name="field"/>): a role ARN of <paramref name="accountId"/>.</summary>
    public static Arn CheckShape(string accountId, string? roleArn, string field)
    {
        if (string.IsNullOrEmpty(roleArn))
        {
            throw BackupErrors.Missing(field);
        }

        if (!Arn.TryParse(roleArn, out Arn? arn, out _) || arn.Kind != ArnKind.Role)
        {
            throw BackupErrors.InvalidParameterValue($"{field}: '{Cut(roleArn)}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        }

        return arn.Account == accountId
            ? arn
            : throw BackupErrors.InvalidParameterValue($"{field}: role {roleArn} belongs to account {arn.Account}; use a role of account {accountId}");
    }

    /// <summary>Checks <paramref name="roleArn"/> (the member <paramref name="field"/>): its shape, that it exists now, and its trust policy.</summary>
    public static async Task<string> RequireAsync(RoleService roles, string accountId, string? roleArn, string field, CancellationToken cancellationToken)
    {
        Arn arn = CheckShape(accountId, roleArn, field);
        Role? role = await roles.FindRoleAsync(accountId, arn.RoleName!, cancellationToken).ConfigureAwait(false);
        if (role is null)
        {
            throw BackupErrors.InvalidParameterValue(
                $"{field}: role {arn.RoleName} does not exist in account {accountId}; create it (iam create-role, trusting {ServicePrincipal})");
        }

        if (role.Arn != roleArn)
        {
            throw BackupErrors.InvalidParameterValue($"{field}: role {arn.RoleName} exists as {role.Arn}, not {roleArn}");
        }

        if (!Trusts(role))
        {
            throw BackupErrors.InvalidParameterValue(
                $"{field}: the trust policy of role {role.RoleName} does not allow {ServicePrincipal} to assume it (add a statement allowing sts:AssumeRole to the service principal {ServicePrincipal})");
        }

        return role.Arn;
    }

    private static bool Trusts(Role role)
    {
        if (!PolicyDocument.TryParse(role.AssumeRolePolicyDocument, PolicyKind.RoleTrust, 1 << 20, out PolicyDocument? trust, out _))
        {
            return false;
        }

        var request = new RequestContext(RequestPrincipal.Service(ServicePrincipal), "sts:AssumeRole", role.Arn, role.AccountId);
        return PolicyEvaluator.Evaluate(trust, request).Decision == PolicyDecision.Allow;
    }

    private static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
