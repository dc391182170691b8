using Arca.Domain.Layouts;

namespace Arca.Control.Layouts.Internal;

/// <summary>A layout with its organization: the accounts, who is targeted, and the values of the variables.</summary>
internal sealed class LayoutContext(Layout layout, string organizationId, string managementAccountId, string rootId, IReadOnlyList<LayoutTarget> accounts)
{
    public Layout Layout { get; } = layout;

    public string OrganizationId { get; } = organizationId;

    public string ManagementAccountId { get; } = managementAccountId;

    public string RootId { get; } = rootId;

    /// <summary>Every account of the organization, by id.</summary>
    public IReadOnlyList<LayoutTarget> Accounts { get; } = accounts;

    /// <summary>The accounts the layout targets now, by id.</summary>
    public IReadOnlyList<LayoutTarget> Targeted =>
        [.. Accounts.Where(a => Layout.Targets.Includes(a.AccountId, a.ParentPath, a.IsManagementAccount))];

    public LayoutTarget? Find(string accountId) => Accounts.FirstOrDefault(a => a.AccountId == accountId);

    /// <summary>Renders <paramref name="template"/> for an account (null: the organization) and region (null: global).</summary>
    /// <exception cref="KeyNotFoundException">An <c>${Account:NAME}</c> that names no account, or several.</exception>
    public string Render(string template, LayoutTarget? account, string? region, bool json) =>
        LayoutVariables.Render(template, name => Value(name, account, region), json);

    private string? Value(string name, LayoutTarget? account, string? region)
    {
        if (name.StartsWith(LayoutVariables.AccountByNamePrefix, StringComparison.Ordinal))
        {
            string wanted = name[LayoutVariables.AccountByNamePrefix.Length..];
            LayoutTarget[] named = [.. Accounts.Where(a => a.AccountName == wanted)];
            return named.Length == 1 ? named[0].AccountId
                : throw new KeyNotFoundException(named.Length == 0
                    ? $"${{{name}}}: the organization has no account named {wanted}"
                    : $"${{{name}}}: the organization has {named.Length} accounts named {wanted}");
        }

        return name switch
        {
            LayoutVariables.OrganizationId => OrganizationId,
            LayoutVariables.ManagementAccountId => ManagementAccountId,
            LayoutVariables.Partition => "aws",
            LayoutVariables.LayoutName => Layout.Name,
            LayoutVariables.AccountId => account?.AccountId,
            LayoutVariables.AccountName => account?.AccountName,
            LayoutVariables.Region => region,
            _ => null,
        };
    }
}
