namespace Arca.Control.Organizations;

/// <summary>
/// An account of an organization as DescribeAccount and ListAccounts show it. Arca's accounts are always
/// <c>ACTIVE</c> (status and state).
/// </summary>
/// <param name="Id">Twelve digits.</param>
/// <param name="Arn"><c>arn:aws:organizations::MGMT:account/o-…/ACCOUNT</c>.</param>
/// <param name="Email">The account's email.</param>
/// <param name="Name">The account's name.</param>
/// <param name="JoinedMethod">Created by CreateAccount, or the management account.</param>
/// <param name="JoinedTimestamp">When it joined.</param>
/// <param name="ParentId">Its parent (root or OU).</param>
/// <param name="Path"><c>o-…/r-…/ou-…/ACCOUNT/</c>: where the account is (the newer models' <c>Paths</c>).</param>
public sealed record OrganizationAccount(
    string Id,
    string Arn,
    string Email,
    string Name,
    AccountJoinedMethod JoinedMethod,
    DateTimeOffset JoinedTimestamp,
    string ParentId,
    string Path);
