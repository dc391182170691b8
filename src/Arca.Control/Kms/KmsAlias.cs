namespace Arca.Control.Kms;

/// <summary>An alias of a KMS key (the shape of KMS's <c>AliasListEntry</c>).</summary>
/// <param name="AliasName"><c>alias/NAME</c>.</param>
/// <param name="AliasArn"><c>arn:aws:kms:REGION:ACCOUNT:alias/NAME</c>.</param>
/// <param name="TargetKeyId">The key id it points to; null for a predefined AWS alias whose key is not created yet.</param>
/// <param name="CreationDate">When it was created; null for a predefined alias not created yet.</param>
/// <param name="LastUpdatedDate">When it was last pointed at a key; null for a predefined alias not created yet.</param>
public sealed record KmsAlias(string AliasName, string AliasArn, string? TargetKeyId, DateTimeOffset? CreationDate, DateTimeOffset? LastUpdatedDate);
