using System.Xml.Linq;
using Arca.Api.Protocols.Query;
using Arca.Control.Iam;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Iam;

/// <summary>Inline role policies (awsQuery, 2010-05-08): PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy.</summary>
internal static class RolePolicyEndpoints
{
    public static void Map(AwsQueryService iam)
    {
        iam.Map("PutRolePolicy", PutRolePolicyAsync);
        iam.Map("GetRolePolicy", GetRolePolicyAsync);
        iam.Map("ListRolePolicies", ListRolePoliciesAsync);
        iam.Map("DeleteRolePolicy", DeleteRolePolicyAsync);
    }

    private static async Task<IReadOnlyList<XElement>?> PutRolePolicyAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        await Policies(request).PutRolePolicyAsync(
            request.Context.Caller, p.Get("RoleName"), p.Get("PolicyName"), p.Get("PolicyDocument"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static async Task<IReadOnlyList<XElement>?> GetRolePolicyAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        RolePolicy policy = await Policies(request).GetRolePolicyAsync(
            request.Context.Caller, p.Get("RoleName"), p.Get("PolicyName"), request.Context.CancellationToken).ConfigureAwait(false);
        return
        [
            new XElement("RoleName", policy.RoleName),
            new XElement("PolicyName", policy.PolicyName),
            new XElement("PolicyDocument", QueryXml.PolicyDocument(policy.PolicyDocument)),
        ];
    }

    private static async Task<IReadOnlyList<XElement>?> ListRolePoliciesAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        ListRolePoliciesResult result = await Policies(request).ListRolePoliciesAsync(
            request.Context.Caller, p.Get("RoleName"), p.Get("Marker"), p.GetInt("MaxItems", "maxItems"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        List<XElement> output =
        [
            QueryXml.Members("PolicyNames", result.PolicyNames),
            new XElement("IsTruncated", QueryXml.Bool(result.IsTruncated)),
        ];
        if (result.Marker is { } marker)
        {
            output.Add(new XElement("Marker", marker));
        }

        return output;
    }

    private static async Task<IReadOnlyList<XElement>?> DeleteRolePolicyAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        await Policies(request).DeleteRolePolicyAsync(request.Context.Caller, p.Get("RoleName"), p.Get("PolicyName"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    private static RolePolicyService Policies(AwsQueryRequest request) => request.Context.Services.GetRequiredService<RolePolicyService>();
}
