using System.Diagnostics.CodeAnalysis;

namespace Arca.Domain.Arns;

/// <summary>
/// An Amazon Resource Name: <c>arn:partition:service:region:account:resource</c>.
/// </summary>
/// <remarks>
/// The first five colons delimit the fixed components; the resource keeps every further
/// <c>:</c> and <c>/</c> (<c>backup-vault:cabvault</c>, <c>role/path/Name</c>). Region and account
/// may be empty (IAM ARNs have no region); a non-empty account must be twelve digits. Equality is
/// ordinal and case-sensitive on every component, as in IAM. <see cref="ToString"/> gives back the
/// canonical text, so <c>Parse(s).ToString() == s</c> for every accepted <c>s</c>.
/// </remarks>
public sealed partial record Arn
{
    private const string Prefix = "arn:";

    /// <summary>Creates an ARN from its components, validating them as <see cref="TryParse"/> does.</summary>
    /// <exception cref="ArgumentException">A component is empty where it may not be, contains a colon where it
    /// may not, or the account is not empty and not twelve digits.</exception>
    public Arn(string partition, string service, string region, string account, string resource)
    {
        string? reason = Validate(partition, service, region, account, resource);
        if (reason is not null)
        {
            throw new ArgumentException(reason);
        }

        Partition = partition;
        Service = service;
        Region = region;
        Account = account;
        Resource = resource;
    }

    /// <summary>The partition, <c>aws</c> for every ARN Arca issues.</summary>
    public string Partition { get; }

    /// <summary>The service namespace (<c>iam</c>, <c>sts</c>, <c>backup</c>, <c>kms</c>, <c>arca</c>…).</summary>
    public string Service { get; }

    /// <summary>The region, or empty for global services (IAM, STS principals).</summary>
    public string Region { get; }

    /// <summary>The twelve-digit account id, or empty.</summary>
    public string Account { get; }

    /// <summary>The resource part, everything after the fifth colon.</summary>
    public string Resource { get; }

    /// <summary>
    /// The resource type: the resource text before its first <c>/</c> or <c>:</c>
    /// (<c>role</c>, <c>backup-vault</c>, <c>key</c>), or the whole resource when it has neither (<c>root</c>).
    /// </summary>
    public string ResourceType => Resource[..TypeLength()];

    /// <summary>
    /// The resource text after the resource type and its delimiter (<c>cabvault</c>, <c>path/Name</c>),
    /// or empty when the resource has no delimiter.
    /// </summary>
    public string ResourceId
    {
        get
        {
            int length = TypeLength();
            return length == Resource.Length ? string.Empty : Resource[(length + 1)..];
        }
    }

    /// <summary>Parses an ARN.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid ARN; the message says why.</exception>
    public static Arn Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out Arn? arn, out string? reason) ? arn : throw new FormatException(reason);
    }

    /// <summary>Parses an ARN without throwing.</summary>
    /// <param name="text">The candidate text; <see langword="null"/> is rejected.</param>
    /// <param name="arn">The parsed ARN when the method returns <see langword="true"/>.</param>
    /// <param name="reason">Why the text was rejected, when the method returns <see langword="false"/>.</param>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out Arn? arn,
        [NotNullWhen(false)] out string? reason)
    {
        arn = null;
        if (text is null)
        {
            reason = "ARN is null";
            return false;
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            reason = $"'{text}' is not an ARN: it must start with 'arn:'";
            return false;
        }

        string[] parts = text.Split(':', 6);
        if (parts.Length < 6)
        {
            reason = $"'{text}' is not an ARN: it must have the form arn:partition:service:region:account:resource";
            return false;
        }

        reason = Validate(parts[1], parts[2], parts[3], parts[4], parts[5]);
        if (reason is not null)
        {
            reason = $"'{text}' is not an ARN: {reason}";
            return false;
        }

        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>Returns the canonical text <c>arn:partition:service:region:account:resource</c>.</summary>
    public override string ToString() => $"{Prefix}{Partition}:{Service}:{Region}:{Account}:{Resource}";

    private int TypeLength()
    {
        int index = Resource.AsSpan().IndexOfAny('/', ':');
        return index < 0 ? Resource.Length : index;
    }

    private static string? Validate(string partition, string service, string region, string account, string resource)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(resource);

        if (!IsToken(partition))
        {
            return "the partition must be non-empty lower-case letters, digits or '-'";
        }

        if (!IsToken(service))
        {
            return "the service must be non-empty lower-case letters, digits or '-'";
        }

        if (region.Length > 0 && !IsToken(region))
        {
            return "the region must be empty or lower-case letters, digits or '-'";
        }

        if (account.Length > 0 && !AccountId.IsValid(account))
        {
            return "the account must be empty or a 12-digit account id";
        }

        return resource.Length == 0 ? "the resource must not be empty" : null;
    }

    private static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
