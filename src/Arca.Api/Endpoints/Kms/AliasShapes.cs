namespace Arca.Api.Endpoints.Kms;

// Wire shapes of the alias operations.

internal sealed record AliasInput(string? AliasName, string? TargetKeyId);

internal sealed record ListAliasesInput(string? KeyId, int? Limit, string? Marker);

internal sealed record WireAlias(string AliasName, string AliasArn, string? TargetKeyId, double? CreationDate, double? LastUpdatedDate);

internal sealed record ListAliasesOutput(IReadOnlyList<WireAlias> Aliases, string? NextMarker, bool Truncated);
