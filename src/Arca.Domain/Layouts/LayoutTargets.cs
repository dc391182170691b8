namespace Arca.Domain.Layouts;

/// <summary>Which accounts of the organization a layout applies to (docs/design/layout.md §2.1).</summary>
public sealed record LayoutTargets
{
    public bool Organization { get; init; }

    /// <summary>OU ids (or the root id): every account beneath them at any depth.</summary>
    public IReadOnlyList<string> OrganizationalUnits { get; init; } = [];

    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> ExcludeAccounts { get; init; } = [];

    public bool IncludeManagementAccount { get; init; }

    /// <summary>
    /// Whether the account is targeted, given its path from the root (<c>o-…/r-…/ou-…/</c>, as <c>MemberRecord.ParentPath</c>).
    /// An account listed in <see cref="Accounts"/> is targeted even when it is the management account; excluded ones never are.
    /// </summary>
    public bool Includes(string accountId, string parentPath, bool isManagementAccount)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(parentPath);
        if (ExcludeAccounts.Contains(accountId))
        {
            return false;
        }

        if (Accounts.Contains(accountId))
        {
            return true;
        }

        if (isManagementAccount && !IncludeManagementAccount)
        {
            return false;
        }

        return Organization || OrganizationalUnits.Any(ou => parentPath.Contains('/' + ou + '/', StringComparison.Ordinal));
    }
}
