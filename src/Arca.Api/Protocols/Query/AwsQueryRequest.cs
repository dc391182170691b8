namespace Arca.Api.Protocols.Query;

/// <summary>An authenticated awsQuery request: its action and its flattened parameters.</summary>
public sealed record AwsQueryRequest(AwsRequestContext Context, string Action, QueryParameters Parameters);
