using System.Diagnostics.CodeAnalysis;

namespace Arca.Api.Auth.Internal;

/// <summary>
/// Decides the payload line of the canonical request: <c>X-Amz-Content-SHA256</c> when present,
/// <c>UNSIGNED-PAYLOAD</c> for S3 presigned URLs, otherwise the SHA-256 of the body.
/// </summary>
/// <remarks>
/// <c>UNSIGNED-PAYLOAD</c> is accepted for S3 only: every other service's clients (CLI, JS, .NET SDKs)
/// sign the body, and accepting an unsigned body there would let anyone who sees one signed request
/// replay its headers with another body for 15 minutes. Streaming (chunked) payload signing is refused.
/// </remarks>
internal static class PayloadHash
{
    /// <summary>Resolves the payload line; <paramref name="toCheck"/> is a claimed hash the body must match.</summary>
    public static bool TryResolve(
        SigV4Request request,
        SigV4Flavor flavor,
        SigV4AuthMechanism mechanism,
        [NotNullWhen(true)] out string? payloadLine,
        out string? toCheck,
        [NotNullWhen(false)] out SigV4Failure? failure)
    {
        payloadLine = null;
        toCheck = null;
        failure = null;
        string[] claimed = [.. request.HeaderValues(SigV4Names.ContentSha256Header)];
        if (claimed.Length > 1)
        {
            failure = new(SigV4FailureReason.InvalidPayloadHash, "The x-amz-content-sha256 header appears more than once.");
            return false;
        }

        if (claimed.Length == 0)
        {
            payloadLine = mechanism == SigV4AuthMechanism.QueryString && flavor == SigV4Flavor.S3
                ? SigV4Names.UnsignedPayload
                : OfBody(request);
            return true;
        }

        failure = CheckClaimed(claimed[0].Trim(), flavor);
        if (failure is not null)
        {
            return false;
        }

        payloadLine = claimed[0].Trim();
        toCheck = payloadLine == SigV4Names.UnsignedPayload ? null : payloadLine;
        return true;
    }

    private static SigV4Failure? CheckClaimed(string value, SigV4Flavor flavor)
    {
        if (value == SigV4Names.UnsignedPayload)
        {
            return flavor == SigV4Flavor.S3 ? null : new(SigV4FailureReason.UnsignedPayloadNotAllowed,
                "UNSIGNED-PAYLOAD is accepted by S3 only; this service requires the SHA-256 of the body in x-amz-content-sha256.");
        }

        return value.Length == 64 && value.All(char.IsAsciiHexDigit) ? null : new(SigV4FailureReason.InvalidPayloadHash,
            "x-amz-content-sha256 must be the hex SHA-256 of the body (or UNSIGNED-PAYLOAD for S3); streaming payload signing is not supported.");
    }

    /// <summary>The lowercase hex SHA-256 of the body (the transport's precomputed hash when it gave one).</summary>
    public static string OfBody(SigV4Request request) =>
        request.BodySha256 ?? SigV4Canonicalizer.HexSha256(request.Body.Span);
}
