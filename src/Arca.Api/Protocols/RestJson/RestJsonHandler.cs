namespace Arca.Api.Protocols.RestJson;

/// <summary>A restJson1 operation.</summary>
public delegate Task<RestJsonResponse> RestJsonHandler(RestJsonRequest request);
