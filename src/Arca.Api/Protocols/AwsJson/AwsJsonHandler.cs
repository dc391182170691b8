namespace Arca.Api.Protocols.AwsJson;

/// <summary>An awsJson1.1 operation.</summary>
public delegate Task<AwsJsonResponse> AwsJsonHandler(AwsJsonRequest request);
