using System.Xml.Linq;
using Arca.Api.Protocols.Query;
using Arca.Control.Iam;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Iam;

/// <summary>IAM roles (awsQuery, 2010-05-08): CreateRole, GetRole, ListRoles, DeleteRole, UpdateAssumeRolePolicy, UpdateRole, UpdateRoleDescription.</summary>
internal static class RoleEndpoints
{
    public static void Map(AwsQueryService iam)
    {
        iam.Map("CreateRole", CreateRoleAsync);
        iam.Map("GetRole", GetRoleAsync);
        iam.Map("ListRoles", ListRolesAsync);
        iam.Map("DeleteRole", DeleteRoleAsync);
        iam.Map("UpdateAssumeRolePolicy", UpdateAssumeRolePolicyAsync);
        iam.Map("UpdateRole", UpdateRoleAsync);
        iam.Map("UpdateRoleDescription", UpdateRoleDescriptionAsync);
    }

    private static async Task<IReadOnlyList<XElement>?> CreateRoleAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        if (p.Get("PermissionsBoundary") is not null)
        {
            throw IamErrors.Validation("Arca does not support PermissionsBoundary on roles; omit the parameter.");
        }

        var input = new CreateRoleRequest
        {
            RoleName = p.Get("RoleName"),
            Path = p.Get("Path"),
            AssumeRolePolicyDocument = p.Get("AssumeRolePolicyDocument"),
            Description = p.Get("Description"),
            MaxSessionDuration = p.GetInt("MaxSessionDuration", "maxSessionDuration"),
            Tags = [.. p.GetPairs("Tags").Select(t => new RoleTag(t.Key, t.Value))],
        };
        Role role = await Roles(request).CreateRoleAsync(request.Context.Caller, input, request.Context.CancellationToken).ConfigureAwait(false);
        return [IamXml.Role("Role", role, withTags: true)];
    }

    private static async Task<IReadOnlyList<XElement>?> GetRoleAsync(AwsQueryRequest request)
    {
        Role role = await Roles(request).GetRoleAsync(request.Context.Caller, request.Parameters.Get("RoleName"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return [IamXml.Role("Role", role, withTags: true)];
    }

    private static async Task<IReadOnlyList<XElement>?> ListRolesAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        ListRolesResult result = await Roles(request).ListRolesAsync(
            request.Context.Caller, p.Get("PathPrefix"), p.Get("Marker"), p.GetInt("MaxItems", "maxItems"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        List<XElement> output =
        [
            new XElement("Roles", result.Roles.Select(r => IamXml.Role("member", r, withTags: false))),
            new XElement("IsTruncated", QueryXml.Bool(result.IsTruncated)),
        ];
        if (result.Marker is { } marker)
        {
            output.Add(new XElement("Marker", marker));
        }

        return output;
    }

    private static async Task<IReadOnlyList<XElement>?> DeleteRoleAsync(AwsQueryRequest request)
    {
        await Roles(request).DeleteRoleAsync(request.Context.Caller, request.Parameters.Get("RoleName"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static async Task<IReadOnlyList<XElement>?> UpdateRoleAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        await Roles(request).UpdateRoleAsync(
            request.Context.Caller, p.Get("RoleName"), p.Get("Description"), p.GetInt("MaxSessionDuration", "maxSessionDuration"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static async Task<IReadOnlyList<XElement>?> UpdateRoleDescriptionAsync(AwsQueryRequest request)
    {
        Role role = await Roles(request).UpdateRoleDescriptionAsync(
            request.Context.Caller, request.Parameters.Get("RoleName"), request.Parameters.Get("Description"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return [IamXml.Role("Role", role, withTags: true)];
    }

    private static async Task<IReadOnlyList<XElement>?> UpdateAssumeRolePolicyAsync(AwsQueryRequest request)
    {
        await Roles(request).UpdateAssumeRolePolicyAsync(
            request.Context.Caller, request.Parameters.Get("RoleName"), request.Parameters.Get("PolicyDocument"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static RoleService Roles(AwsQueryRequest request) => request.Context.Services.GetRequiredService<RoleService>();
}
