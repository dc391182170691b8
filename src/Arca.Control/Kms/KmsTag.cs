namespace Arca.Control.Kms;

/// <summary>A tag on a KMS key.</summary>
public sealed record KmsTag(string TagKey, string TagValue);
