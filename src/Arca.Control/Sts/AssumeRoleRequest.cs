using Arca.Control.Iam;

namespace Arca.Control.Sts;

/// <summary>The input of AssumeRole; null members were not sent.</summary>
public sealed record AssumeRoleRequest
{
    public string? RoleArn { get; init; }

    public string? RoleSessionName { get; init; }

    public int? DurationSeconds { get; init; }

    /// <summary>Checked by the trust policy as <c>sts:ExternalId</c>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>A session policy: refused (Arca does not narrow sessions by policy).</summary>
    public string? Policy { get; init; }

    /// <summary>Managed session policies: refused.</summary>
    public IReadOnlyList<string> PolicyArns { get; init; } = [];

    /// <summary>Session tags: refused.</summary>
    public IReadOnlyList<RoleTag> Tags { get; init; } = [];

    /// <summary>Refused.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>MFA device: refused (Arca has no MFA).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>MFA code: refused.</summary>
    public string? TokenCode { get; init; }
}
