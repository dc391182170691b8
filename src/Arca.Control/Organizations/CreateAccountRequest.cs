namespace Arca.Control.Organizations;

/// <summary>The input of CreateAccount, as received (validated by <see cref="AccountCreationService"/>).</summary>
public sealed record CreateAccountRequest
{
    public string? Email { get; init; }

    public string? AccountName { get; init; }

    /// <summary>The role created in the new account for the management account; default <c>OrganizationAccountAccessRole</c>.</summary>
    public string? RoleName { get; init; }

    /// <summary><c>ALLOW</c> or <c>DENY</c>; validated, without effect in Arca (there is no billing).</summary>
    public string? IamUserAccessToBilling { get; init; }

    public IReadOnlyList<OrganizationTag> Tags { get; init; } = [];
}
