namespace Arca.Api.Auth;

/// <summary>Settings of a <see cref="SigV4Verifier"/>. Immutable; validated by the verifier's constructor.</summary>
public sealed record SigV4VerifierOptions
{
    /// <summary>How far the request time may be from the server's clock, either way. AWS: 15 minutes.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest <c>X-Amz-Expires</c> a presigned URL may ask for. AWS: 7 days.</summary>
    public TimeSpan MaxPresignedExpiry { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Services a credential scope may name; null accepts any.</summary>
    public IReadOnlySet<string>? AllowedServices { get; init; }

    /// <summary>Regions a credential scope may name; null accepts any (clients sign global services with their own region).</summary>
    public IReadOnlySet<string>? AllowedRegions { get; init; }

    /// <summary>Chooses canonicalization and error dialect from the scope's service.</summary>
    public Func<string, SigV4ServiceProfile> ProfileOf { get; init; } = SigV4ServiceProfile.ForService;

    /// <summary>The error dialect used while the service is not known yet (no or unreadable credential scope).</summary>
    public SigV4ErrorDialect DefaultDialect { get; init; } = SigV4ErrorDialect.RestJson;

    /// <summary>How many derived signing keys are cached.</summary>
    public int SigningKeyCacheCapacity { get; init; } = 4096;
}
