namespace Arca.Api.Auth;

/// <summary>
/// Finds the secret of an access key. Returns null when the key is unknown (or disabled). Must not
/// throw for an unknown key; may be called concurrently from many requests.
/// </summary>
public delegate SigV4SecretCredential? SigV4CredentialLookup(string accessKeyId);
