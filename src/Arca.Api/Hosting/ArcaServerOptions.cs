namespace Arca.Api.Hosting;

/// <summary>Settings of the HTTP server (options pattern: settable, validated at start-up by <see cref="ArcaServerOptionsValidator"/>).</summary>
public sealed record ArcaServerOptions
{
    /// <summary>The 16 MiB cap on request bodies.</summary>
    public const long DefaultMaxRequestBodyBytes = 16 * 1024 * 1024;

    /// <summary>The listening URL, <c>http://HOST:PORT</c> (port 0 picks a free one).</summary>
    public string Listen { get; set; } = "http://127.0.0.1:7480";

    /// <summary>The regions regional services (Backup, KMS) serve.</summary>
    public IReadOnlyList<string> Regions { get; set; } = ["us-east-1", "eu-west-1"];

    /// <summary>Request bodies larger than this are refused with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
