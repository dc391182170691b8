namespace Arca.Api.Endpoints.Kms;

/// <summary>KMS timestamps on the wire: epoch seconds as a JSON number, with milliseconds.</summary>
internal static class WireTime
{
    public static double Of(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
