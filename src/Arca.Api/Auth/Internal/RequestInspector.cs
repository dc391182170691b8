using System.Diagnostics.CodeAnalysis;

namespace Arca.Api.Auth.Internal;

/// <summary>
/// Every check of a SigV4 request that needs no secret: which mechanism, parse, scope, date, clock
/// window, which headers are signed, payload hash; then the string to sign.
/// </summary>
/// <remarks>Stateless apart from its options; thread-safe.</remarks>
internal sealed class RequestInspector(SigV4VerifierOptions options)
{
    /// <summary>The outcome: either a pending verification or a failure, with the dialect to report it in.</summary>
    internal sealed record Inspection(PendingVerification? Pending, SigV4Failure? Failure, SigV4ErrorDialect Dialect);

    public Inspection Inspect(SigV4Request request, DateTimeOffset now)
    {
        if (!TryParse(request, out SigV4Authorization? auth, out SigV4Failure? failure))
        {
            return new(null, failure, options.DefaultDialect);
        }

        SigV4ServiceProfile profile = options.ProfileOf(auth.Scope.Service);
        if (!TryResolveDate(request, auth, out DateTimeOffset signedAt, out string amzDate, out failure))
        {
            return new(null, failure, profile.Dialect);
        }

        failure = CheckScope(auth.Scope, signedAt, amzDate)
            ?? CheckWindow(auth, signedAt, now)
            ?? CheckSignedHeaders(request, auth);
        if (failure is not null)
        {
            return new(null, failure, profile.Dialect);
        }

        if (!PayloadHash.TryResolve(request, profile.Flavor, auth.Mechanism, out string? payloadLine, out string? toCheck, out failure))
        {
            return new(null, failure, profile.Dialect);
        }

        string? excluded = auth.Mechanism == SigV4AuthMechanism.QueryString ? SigV4Names.SignatureParameter : null;
        string canonical = SigV4Canonicalizer.CanonicalRequest(request, auth.SignedHeaders, payloadLine, profile.Flavor, excluded);
        string? token = auth.SecurityToken ?? request.HeaderValues(SigV4Names.SecurityTokenHeader).FirstOrDefault();
        var pending = new PendingVerification(
            auth, profile, signedAt, SigV4Canonicalizer.StringToSign(amzDate, auth.Scope, canonical), token, toCheck);
        return new(pending, null, profile.Dialect);
    }

    private static bool TryParse(
        SigV4Request request, [NotNullWhen(true)] out SigV4Authorization? auth, [NotNullWhen(false)] out SigV4Failure? failure)
    {
        auth = null;
        string[] headers = [.. request.HeaderValues(SigV4Names.AuthorizationHeader)];
        bool inQuery = SigV4AuthorizationParser.HasQueryAuthentication(request.RawQuery);
        failure = (headers.Length, inQuery) switch
        {
            (0, false) => new(SigV4FailureReason.MissingAuthentication, "Request is missing Authentication Token"),
            ( > 0, true) => new(SigV4FailureReason.AmbiguousAuthentication,
                "Only one authentication mechanism is allowed: either the Authorization header or the X-Amz-* query parameters."),
            ( > 1, _) => new(SigV4FailureReason.MalformedAuthorization, "The request has more than one Authorization header."),
            _ => null,
        };
        if (failure is not null)
        {
            return false;
        }

        return inQuery
            ? SigV4AuthorizationParser.TryParseQuery(request.RawQuery, out auth, out failure)
            : SigV4AuthorizationParser.TryParseHeader(headers[0], out auth, out failure);
    }

    private static bool TryResolveDate(
        SigV4Request request, SigV4Authorization auth, out DateTimeOffset signedAt, out string amzDate, out SigV4Failure? failure)
    {
        failure = null;
        signedAt = default;
        amzDate = string.Empty;
        string[] amzDates = auth.Mechanism == SigV4AuthMechanism.QueryString
            ? [auth.AmzDate!]
            : [.. request.HeaderValues(SigV4Names.AmzDateHeader).Select(static v => v.Trim())];
        if (amzDates.Length > 1)
        {
            failure = new(SigV4FailureReason.InvalidDate, "The request has more than one X-Amz-Date header.");
        }
        else if (amzDates.Length == 1)
        {
            amzDate = amzDates[0];
            if (!AmzDate.TryParseAmzDate(amzDate, out signedAt))
            {
                failure = new(SigV4FailureReason.InvalidDate,
                    $"X-Amz-Date must be in ISO 8601 basic format (yyyyMMddTHHmmssZ), got {LogSafe.Quote(amzDate)}.");
            }
        }
        else if (request.HeaderValues(SigV4Names.DateHeader).FirstOrDefault() is { } httpDate)
        {
            failure = FromHttpDate(httpDate.Trim(), out signedAt, out amzDate);
        }
        else
        {
            failure = new(SigV4FailureReason.MissingDate,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }

        return failure is null;
    }

    private static SigV4Failure? FromHttpDate(string httpDate, out DateTimeOffset signedAt, out string amzDate)
    {
        bool parsed = AmzDate.TryParseHttpDate(httpDate, out signedAt);
        amzDate = parsed ? AmzDate.ToAmzDate(signedAt) : string.Empty;
        return parsed ? null : new(SigV4FailureReason.InvalidDate,
            $"The Date header must be an RFC 1123 date (Sun, 30 Aug 2015 12:36:00 GMT), got a value of {httpDate.Length} characters.");
    }

    private SigV4Failure? CheckScope(SigV4Scope scope, DateTimeOffset signedAt, string amzDate)
    {
        string date = AmzDate.ToAmzDate(signedAt)[..8];
        if (scope.Date != date)
        {
            return new(SigV4FailureReason.InvalidCredentialScope,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + $"{LogSafe.Quote(scope.Date)} != '{date}', from '{amzDate}'.");
        }

        if (options.AllowedServices is { } services && !services.Contains(scope.Service))
        {
            return new(SigV4FailureReason.InvalidCredentialScope, $"Credential should be scoped to a valid service, not {LogSafe.Quote(scope.Service)}.");
        }

        if (options.AllowedRegions is { } regions && !regions.Contains(scope.Region))
        {
            return new(SigV4FailureReason.InvalidCredentialScope, $"Credential should be scoped to a valid region, not {LogSafe.Quote(scope.Region)}.");
        }

        return null;
    }

    private SigV4Failure? CheckWindow(SigV4Authorization auth, DateTimeOffset signedAt, DateTimeOffset now)
    {
        TimeSpan skew = options.MaxClockSkew;
        string minutes = $"{skew.TotalMinutes:0.##} min.";
        if (signedAt - now > skew)
        {
            return new(SigV4FailureReason.RequestTimeTooSkewed,
                $"Signature not yet current: {AmzDate.ToAmzDate(signedAt)} is still later than "
                + $"{AmzDate.ToAmzDate(now + skew)} ({AmzDate.ToAmzDate(now)} + {minutes})");
        }

        if (auth.ExpiresSeconds is not { } seconds)
        {
            return now - signedAt <= skew ? null : new(SigV4FailureReason.RequestTimeTooSkewed,
                $"Signature expired: {AmzDate.ToAmzDate(signedAt)} is now earlier than "
                + $"{AmzDate.ToAmzDate(now - skew)} ({AmzDate.ToAmzDate(now)} - {minutes})");
        }

        if (TimeSpan.FromSeconds(seconds) > options.MaxPresignedExpiry)
        {
            return new(SigV4FailureReason.MalformedAuthorization,
                $"X-Amz-Expires must be at most {options.MaxPresignedExpiry.TotalSeconds:0} seconds.");
        }

        return now <= signedAt.AddSeconds(seconds) ? null : new(SigV4FailureReason.PresignedRequestExpired,
            $"Request has expired: signed at {AmzDate.ToAmzDate(signedAt)} for {seconds} seconds, now {AmzDate.ToAmzDate(now)}.");
    }

    private static SigV4Failure? CheckSignedHeaders(SigV4Request request, SigV4Authorization auth)
    {
        if (!auth.SignedHeaders.Contains(SigV4Names.HostHeader))
        {
            return new(SigV4FailureReason.HostNotSigned, "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }

        if (request.HasHeader(SigV4Names.SecurityTokenHeader) && !auth.SignedHeaders.Contains(SigV4Names.SecurityTokenHeader))
        {
            return new(SigV4FailureReason.SecurityTokenNotSigned, "'X-Amz-Security-Token' must be a 'SignedHeader' when it is sent.");
        }

        return null;
    }
}
