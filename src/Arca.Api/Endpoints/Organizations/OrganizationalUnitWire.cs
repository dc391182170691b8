namespace Arca.Api.Endpoints.Organizations;

// Wire shapes of OUs, children and parents (botocore organizations 2016-11-28).

internal sealed record TagWire(string? Key, string? Value);

internal sealed record CreateOrganizationalUnitInput(string? ParentId, string? Name, IReadOnlyList<TagWire>? Tags);

internal sealed record OrganizationalUnitIdInput(string? OrganizationalUnitId);

internal sealed record UpdateOrganizationalUnitInput(string? OrganizationalUnitId, string? Name);

internal sealed record ParentPageInput(string? ParentId, string? NextToken, int? MaxResults);

internal sealed record ListChildrenInput(string? ParentId, string? ChildType, string? NextToken, int? MaxResults);

internal sealed record ListParentsInput(string? ChildId, string? NextToken, int? MaxResults);

internal sealed record OrganizationalUnitWire(string Id, string Arn, string Name, string Path);

internal sealed record OrganizationalUnitOutput(OrganizationalUnitWire OrganizationalUnit);

internal sealed record ListOrganizationalUnitsOutput(IReadOnlyList<OrganizationalUnitWire> OrganizationalUnits, string? NextToken);

internal sealed record ChildWire(string Id, string Type);

internal sealed record ListChildrenOutput(IReadOnlyList<ChildWire> Children, string? NextToken);

internal sealed record ParentWire(string Id, string Type);

internal sealed record ListParentsOutput(IReadOnlyList<ParentWire> Parents, string? NextToken);
