using System.Buffers;
using System.Security.Cryptography;
using System.Text;

using Arca.Api.Auth.Internal;

namespace Arca.Api.Auth;

/// <summary>
/// Authenticates AWS Signature Version 4 requests (Authorization header or presigned URL).
/// </summary>
/// <remarks>
/// <para>Thread-safe: one instance serves every request; it caches derived signing keys (never secrets).</para>
/// <para>Pure apart from that cache: the time is passed in (from a <see cref="TimeProvider"/>), the
/// credentials come from the caller's lookup, nothing is logged. Failure messages never contain a
/// secret, a derived key, a session token or the canonical request.</para>
/// <para>Order of checks: mechanism and syntax, credential scope, request date and the clock window,
/// required signed headers (<c>host</c>, a sent <c>x-amz-security-token</c>), payload hash; then the
/// credential lookup, session token, credential expiry, signature (constant-time), and last the
/// body against a signed <c>x-amz-content-sha256</c>.</para>
/// </remarks>
public sealed class SigV4Verifier
{
    private readonly RequestInspector _inspector;
    private readonly SigningKeyCache _keys;

    /// <summary>Creates a verifier; <paramref name="options"/> null means AWS's defaults.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public SigV4Verifier(SigV4VerifierOptions? options = null)
    {
        options ??= new SigV4VerifierOptions();
        if (options.MaxClockSkew <= TimeSpan.Zero || options.MaxPresignedExpiry <= TimeSpan.Zero)
        {
            throw new ArgumentException("MaxClockSkew and MaxPresignedExpiry must be positive.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.ProfileOf, nameof(options));
        _inspector = new RequestInspector(options);
        _keys = new SigningKeyCache(options.SigningKeyCacheCapacity);
    }

    /// <summary>Verifies <paramref name="request"/> at time <paramref name="now"/>.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="now">The server's current time.</param>
    /// <param name="lookup">Finds the secret of the claimed access key; called at most once, only for a well-formed, timely request.</param>
    public SigV4VerificationResult Verify(SigV4Request request, DateTimeOffset now, SigV4CredentialLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lookup);
        RequestInspector.Inspection inspection = _inspector.Inspect(request, now);
        if (inspection.Pending is not { } pending)
        {
            return SigV4VerificationResult.Refused(inspection.Failure!, inspection.Dialect);
        }

        return Complete(request, pending, lookup(pending.Authorization.AccessKeyId), now);
    }

    /// <summary>Verifies <paramref name="request"/> at time <paramref name="now"/> with an asynchronous credential lookup.</summary>
    /// <inheritdoc cref="Verify" path="/param"/>
    public async ValueTask<SigV4VerificationResult> VerifyAsync(
        SigV4Request request,
        DateTimeOffset now,
        SigV4AsyncCredentialLookup lookup,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(lookup);
        RequestInspector.Inspection inspection = _inspector.Inspect(request, now);
        if (inspection.Pending is not { } pending)
        {
            return SigV4VerificationResult.Refused(inspection.Failure!, inspection.Dialect);
        }

        SigV4SecretCredential? credential = await lookup(pending.Authorization.AccessKeyId, cancellationToken).ConfigureAwait(false);
        return Complete(request, pending, credential, now);
    }

    private SigV4VerificationResult Complete(
        SigV4Request request, PendingVerification pending, SigV4SecretCredential? credential, DateTimeOffset now)
    {
        SigV4Failure? failure = CheckCredential(pending, credential, now) ?? CheckSignature(pending, credential!);
        if (failure is null && pending.SignedPayloadHash is { } claimed
            && !string.Equals(claimed, PayloadHash.OfBody(request), StringComparison.OrdinalIgnoreCase))
        {
            failure = new(SigV4FailureReason.PayloadHashMismatch,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        if (failure is not null)
        {
            return SigV4VerificationResult.Refused(failure, pending.Profile.Dialect);
        }

        SigV4Authorization auth = pending.Authorization;
        return SigV4VerificationResult.Authenticated(new SigV4Identity(
            auth.AccessKeyId, auth.Scope.Region, auth.Scope.Service, pending.SignedAt, pending.PresentedToken, auth.Mechanism));
    }

    private static SigV4Failure? CheckCredential(PendingVerification pending, SigV4SecretCredential? credential, DateTimeOffset now)
    {
        const string Invalid = "The security token included in the request is invalid.";
        if (credential is null)
        {
            return new(SigV4FailureReason.UnknownAccessKey, Invalid);
        }

        bool tokenOk = (credential.SessionToken, pending.PresentedToken) switch
        {
            (null, null) => true,
            ({ } required, { } presented) => CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(required), Encoding.UTF8.GetBytes(presented)),
            _ => false,
        };
        if (!tokenOk)
        {
            return new(SigV4FailureReason.InvalidSecurityToken, Invalid);
        }

        // After the token check, so that only its holder learns that temporary credentials expired.
        return credential.ExpiresAt is { } expiresAt && now >= expiresAt
            ? new(SigV4FailureReason.ExpiredToken, "The security token included in the request is expired.")
            : null;
    }

    private SigV4Failure? CheckSignature(PendingVerification pending, SigV4SecretCredential credential)
    {
        SigV4Scope scope = pending.Authorization.Scope;
        byte[] key = _keys.Get(credential.SecretAccessKey, scope.Date, scope.Region, scope.Service);
        byte[] expected = SigV4SigningKey.SignBytes(key, pending.StringToSign);
        Span<byte> presented = stackalloc byte[32];
        string signature = pending.Authorization.Signature;
        bool decoded = signature.Length == 64
            && Convert.FromHexString(signature, presented, out _, out int written) == OperationStatus.Done
            && written == 32;
        return decoded && CryptographicOperations.FixedTimeEquals(expected, presented)
            ? null
            : new(SigV4FailureReason.SignatureMismatch,
                "The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
    }
}
