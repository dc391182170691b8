namespace Arca.Control.Organizations;

/// <summary>An organizational unit (OU).</summary>
/// <param name="Id"><c>ou-</c>, the root's suffix, <c>-</c> and eight characters of <c>[a-z0-9]</c>.</param>
/// <param name="Arn"><c>arn:aws:organizations::MGMT:ou/o-…/ou-…</c>.</param>
/// <param name="Name">1 to 128 characters, unique among its parent's OUs.</param>
/// <param name="Path"><c>o-…/r-…/ou-…/…/</c>, ending with the OU itself.</param>
public sealed record OrganizationalUnit(string Id, string Arn, string Name, string Path);
