using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using Arca.Api.Auth.Internal;

namespace Arca.Api.Auth;

/// <summary>
/// Parses what a request claims about its signature: the <c>Authorization</c> header, or the
/// presigned query parameters. Tolerant where AWS is (spaces around components, any component
/// order, any header-name case), strict about missing or repeated parts; every failure names the
/// part at fault. Messages never echo the signature or a session token.
/// </summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class SigV4AuthorizationParser
{
    private const string CredentialComponent = "Credential";
    private const string SignedHeadersComponent = "SignedHeaders";
    private const string SignatureComponent = "Signature";

    private static readonly string[] Components = [CredentialComponent, SignedHeadersComponent, SignatureComponent];

    private static readonly string[] RequiredQueryParameters =
    [
        SigV4Names.AlgorithmParameter, SigV4Names.CredentialParameter, SigV4Names.SignatureParameter,
        SigV4Names.DateParameter, SigV4Names.SignedHeadersParameter, SigV4Names.ExpiresParameter,
    ];

    /// <summary>Parses <c>AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c>.</summary>
    public static bool TryParseHeader(
        string headerValue,
        [NotNullWhen(true)] out SigV4Authorization? authorization,
        [NotNullWhen(false)] out SigV4Failure? failure)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        authorization = null;
        string text = headerValue.Trim();
        int space = text.IndexOfAny([' ', '\t']);
        string algorithm = space < 0 ? text : text[..space];
        if (algorithm != SigV4Canonicalizer.Algorithm)
        {
            failure = Unsupported(algorithm);
            return false;
        }

        if (!TrySplitComponents(space < 0 ? string.Empty : text[(space + 1)..], out Dictionary<string, string>? parts, out failure))
        {
            return false;
        }

        string[] missing = [.. Components.Where(c => !parts.TryGetValue(c, out string? v) || v.Length == 0)];
        if (missing.Length > 0)
        {
            failure = Malformed(string.Concat(missing.Select(m => $"Authorization header requires '{m}' parameter. ")).TrimEnd());
            return false;
        }

        return TryBuild(
            SigV4AuthMechanism.AuthorizationHeader, parts[CredentialComponent], parts[SignedHeadersComponent],
            parts[SignatureComponent], out authorization, out failure);
    }

    /// <summary>True when the raw query carries any presigned-URL authentication parameter.</summary>
    public static bool HasQueryAuthentication(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        return QueryParameters(rawQuery).Any(static p =>
            p.Name is SigV4Names.AlgorithmParameter or SigV4Names.CredentialParameter or SigV4Names.SignatureParameter);
    }

    /// <summary>
    /// Parses presigned-URL parameters from a raw query: <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>,
    /// <c>X-Amz-Date</c>, <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>, <c>X-Amz-Signature</c> (all
    /// required, each once) and the optional <c>X-Amz-Security-Token</c>. Names are case-sensitive.
    /// </summary>
    public static bool TryParseQuery(
        string rawQuery,
        [NotNullWhen(true)] out SigV4Authorization? authorization,
        [NotNullWhen(false)] out SigV4Failure? failure)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        authorization = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, string value) in QueryParameters(rawQuery))
        {
            if (name.StartsWith("X-Amz-", StringComparison.Ordinal) && !values.TryAdd(name, value))
            {
                failure = Malformed($"Query parameter {LogSafe.Quote(name)} appears more than once.");
                return false;
            }
        }

        failure = CheckQueryParameters(values, out int expires);
        if (failure is not null || !TryBuild(
            SigV4AuthMechanism.QueryString, values[SigV4Names.CredentialParameter], values[SigV4Names.SignedHeadersParameter],
            values[SigV4Names.SignatureParameter], out authorization, out failure))
        {
            return false;
        }

        authorization = authorization with
        {
            AmzDate = values[SigV4Names.DateParameter],
            ExpiresSeconds = expires,
            SecurityToken = values.GetValueOrDefault(SigV4Names.SecurityTokenParameter),
        };
        return true;
    }

    private static SigV4Failure? CheckQueryParameters(Dictionary<string, string> values, out int expires)
    {
        expires = 0;
        if (RequiredQueryParameters.Any(p => !values.TryGetValue(p, out string? v) || v.Length == 0))
        {
            return Malformed("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }

        if (values[SigV4Names.AlgorithmParameter] != SigV4Canonicalizer.Algorithm)
        {
            return Unsupported(values[SigV4Names.AlgorithmParameter]);
        }

        bool whole = int.TryParse(values[SigV4Names.ExpiresParameter], NumberStyles.None, CultureInfo.InvariantCulture, out expires);
        return whole && expires >= 1 ? null : Malformed("X-Amz-Expires must be a positive whole number of seconds.");
    }

    private static bool TrySplitComponents(
        string text,
        [NotNullWhen(true)] out Dictionary<string, string>? parts,
        [NotNullWhen(false)] out SigV4Failure? failure)
    {
        parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        failure = null;
        foreach (string raw in text.Split(','))
        {
            string component = raw.Trim();
            if (component.Length == 0)
            {
                continue;
            }

            int equals = component.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? string.Empty : component[..equals].Trim();
            string? known = Components.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                failure = Malformed(equals <= 0
                    ? "Authorization header component is not of the form Name=Value."
                    : $"Authorization header has an unknown component {LogSafe.Quote(name)}.");
                return false;
            }

            if (!parts.TryAdd(known, component[(equals + 1)..].Trim()))
            {
                failure = Malformed($"Authorization header component '{known}' appears more than once.");
                return false;
            }
        }

        return true;
    }

    private static bool TryBuild(
        SigV4AuthMechanism mechanism,
        string credential,
        string signedHeaders,
        string signature,
        [NotNullWhen(true)] out SigV4Authorization? authorization,
        [NotNullWhen(false)] out SigV4Failure? failure)
    {
        authorization = null;
        string[] scope = credential.Split('/');
        failure = CheckCredential(scope);
        if (failure is not null)
        {
            return false;
        }

        string[] names = [.. signedHeaders.Split(';').Select(static h => h.Trim().ToLowerInvariant())];
        if (names.Any(static n => n.Length == 0))
        {
            failure = Malformed("SignedHeaders contains an empty header name.");
            return false;
        }

        authorization = new SigV4Authorization(
            mechanism, scope[0], new SigV4Scope(scope[1], scope[2], scope[3]),
            [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], signature);
        return true;
    }

    private static SigV4Failure? CheckCredential(string[] scope)
    {
        if (scope.Length != 5 || scope.Any(static s => s.Length == 0))
        {
            string got = scope.Length == 5 ? "5 with an empty one" : scope.Length.ToString(CultureInfo.InvariantCulture);
            return Malformed($"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got {got}.");
        }

        if (!DateOnly.TryParseExact(scope[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return new(SigV4FailureReason.InvalidCredentialScope, $"Credential scope date {LogSafe.Quote(scope[1])} is not a date in yyyyMMdd form.");
        }

        return scope[4] == SigV4Scope.Terminator
            ? null
            : new(SigV4FailureReason.InvalidCredentialScope,
                $"Credential should be scoped with a valid terminator: 'aws4_request', not {LogSafe.Quote(scope[4])}.");
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(string rawQuery)
    {
        foreach (string component in rawQuery.Split('&'))
        {
            if (component.Length == 0)
            {
                continue;
            }

            int equals = component.IndexOf('=', StringComparison.Ordinal);
            yield return equals < 0
                ? (PercentEncoding.DecodeToString(component), string.Empty)
                : (PercentEncoding.DecodeToString(component.AsSpan(0, equals)), PercentEncoding.DecodeToString(component.AsSpan(equals + 1)));
        }
    }

    private static SigV4Failure Malformed(string message) => new(SigV4FailureReason.MalformedAuthorization, message);

    private static SigV4Failure Unsupported(string algorithm) =>
        new(SigV4FailureReason.UnsupportedAlgorithm, LogSafe.IsSafe(algorithm)
            ? $"Unsupported authorization algorithm '{algorithm}'; only AWS4-HMAC-SHA256 is accepted."
            : "Unsupported authorization algorithm; only AWS4-HMAC-SHA256 is accepted.");
}
