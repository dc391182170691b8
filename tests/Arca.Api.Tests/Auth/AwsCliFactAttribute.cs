namespace Arca.Api.Tests.Auth;

/// <summary>A fact that needs the Debian AWS CLI at <see cref="CliPath"/>; skipped where it is absent.</summary>
public sealed class AwsCliFactAttribute : FactAttribute
{
    /// <summary>The Debian package's CLI (v2.9.19); a bare <c>aws</c> on PATH may be the pip v1 CLI.</summary>
    public const string CliPath = "/usr/bin/aws";

    public AwsCliFactAttribute()
    {
        if (!File.Exists(CliPath))
        {
            Skip = $"{CliPath} is not installed (apt-get install awscli).";
        }
    }
}
