namespace Arca.Api.Auth;

/// <summary>
/// Finds the secret of an access key, asynchronously (a metadata-store read). Returns null when the
/// key is unknown (or disabled). Must not throw for an unknown key; may be called concurrently.
/// </summary>
public delegate ValueTask<SigV4SecretCredential?> SigV4AsyncCredentialLookup(string accessKeyId, CancellationToken cancellationToken);
