namespace Arca.Control.Layouts.Internal;

/// <summary>An item a layout created or adopted: what destroy, and an apply that no longer has it, delete.</summary>
/// <param name="AccountId">The account (for backup policies, the management account).</param>
/// <param name="Region">The region, or <see cref="LayoutResourceTypes.GlobalRegion"/>.</param>
/// <param name="ResourceType">One of <see cref="LayoutResourceTypes"/>.</param>
/// <param name="Name">Role or vault name, key alias, policy name.</param>
internal sealed record DeployedItem(string AccountId, string Region, string ResourceType, string Name);
