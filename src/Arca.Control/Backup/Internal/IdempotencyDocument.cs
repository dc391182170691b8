namespace Arca.Control.Backup.Internal;

/// <summary>
/// <c>idempotency/{account}/{operation}/{token}</c>: what the first request with a client token created, and a
/// fingerprint of that request, so a replay returns the same result and a different request with the same token
/// is refused.
/// </summary>
internal sealed record IdempotencyDocument(string Key, string Id, string Fingerprint);
