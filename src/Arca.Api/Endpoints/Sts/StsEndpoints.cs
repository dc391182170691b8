using System.Xml.Linq;
using Arca.Api.Protocols.Query;
using Arca.Control.Iam;
using Arca.Control.Sts;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Sts;

/// <summary>STS (awsQuery, 2011-06-15): GetCallerIdentity and AssumeRole.</summary>
internal static class StsEndpoints
{
    public static void Map(AwsQueryService sts)
    {
        sts.Map("GetCallerIdentity", GetCallerIdentity);
        sts.Map("AssumeRole", AssumeRoleAsync);
    }

    private static Task<IReadOnlyList<XElement>?> GetCallerIdentity(AwsQueryRequest request)
    {
        CallerIdentityResult result = StsService.GetCallerIdentity(request.Context.Caller);
        return Task.FromResult<IReadOnlyList<XElement>?>(
            [new XElement("Arn", result.Arn), new XElement("UserId", result.UserId), new XElement("Account", result.Account)]);
    }

    private static async Task<IReadOnlyList<XElement>?> AssumeRoleAsync(AwsQueryRequest request)
    {
        QueryParameters p = request.Parameters;
        var input = new AssumeRoleRequest
        {
            RoleArn = p.Get("RoleArn"),
            RoleSessionName = p.Get("RoleSessionName"),
            DurationSeconds = p.GetInt("DurationSeconds", "durationSeconds"),
            ExternalId = p.Get("ExternalId"),
            Policy = p.Get("Policy"),
            PolicyArns = [.. p.GetList("PolicyArns").Concat(p.GetPairs("PolicyArns").Select(x => x.Value))],
            Tags = [.. p.GetPairs("Tags").Select(t => new RoleTag(t.Key, t.Value))],
            SourceIdentity = p.Get("SourceIdentity"),
            SerialNumber = p.Get("SerialNumber"),
            TokenCode = p.Get("TokenCode"),
        };
        if (input.PolicyArns.Count == 0 && p.Get("PolicyArns.member.1.arn") is { } arn)
        {
            input = input with { PolicyArns = [arn] };
        }

        StsService sts = request.Context.Services.GetRequiredService<StsService>();
        AssumeRoleResult result = await sts.AssumeRoleAsync(request.Context.Caller, input, request.Context.CancellationToken).ConfigureAwait(false);
        return
        [
            new XElement("Credentials",
                new XElement("AccessKeyId", result.Credentials.AccessKeyId),
                new XElement("SecretAccessKey", result.Credentials.SecretAccessKey),
                new XElement("SessionToken", result.Credentials.SessionToken),
                new XElement("Expiration", QueryXml.Time(result.Credentials.ExpiresAt!.Value))),
            new XElement("AssumedRoleUser",
                new XElement("AssumedRoleId", result.AssumedRoleId),
                new XElement("Arn", result.AssumedRoleArn)),
        ];
    }
}
