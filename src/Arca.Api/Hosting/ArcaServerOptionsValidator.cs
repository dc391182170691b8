using Microsoft.Extensions.Options;

namespace Arca.Api.Hosting;

/// <summary>Validates <see cref="ArcaServerOptions"/>: an http URL with host and port and no path, well-formed distinct regions, a positive body cap.</summary>
public sealed class ArcaServerOptionsValidator : IValidateOptions<ArcaServerOptions>
{
    /// <summary>Every problem with <paramref name="options"/>, each a sentence naming the option; empty when valid.</summary>
    public static IReadOnlyList<string> Problems(ArcaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Uri.TryCreate(options.Listen, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttp
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || !options.Listen.Contains($":{uri.Port}", StringComparison.Ordinal))
        {
            problems.Add($"--listen '{options.Listen}' must be http://HOST:PORT (for example http://127.0.0.1:7480)");
        }

        if (options.Regions.Count == 0)
        {
            problems.Add("--regions must name at least one region");
        }

        foreach (string region in options.Regions)
        {
            if (!IsRegionName(region))
            {
                problems.Add($"--regions: '{region}' is not a region name like us-east-1");
            }
        }

        if (options.Regions.Distinct(StringComparer.Ordinal).Count() != options.Regions.Count)
        {
            problems.Add("--regions names a region twice");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            problems.Add("the request body limit must be positive");
        }

        return problems;
    }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ArcaServerOptions options)
    {
        IReadOnlyList<string> problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsRegionName(string region)
    {
        string[] parts = region.Split('-');
        return parts.Length >= 3
            && parts[..^1].All(p => p.Length > 0 && p.All(char.IsAsciiLetterLower))
            && parts[^1].Length > 0 && parts[^1].All(char.IsAsciiDigit);
    }
}
