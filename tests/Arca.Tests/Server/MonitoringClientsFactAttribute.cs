namespace Arca.Tests.Server;

/// <summary>
/// A fact that needs the Debian AWS CLI, the JS SDK and the pip AWS CLI v1 (whose newer Backup model has the job
/// summaries); skipped with the first missing one's reason.
/// </summary>
public sealed class MonitoringClientsFactAttribute : FactAttribute
{
    public MonitoringClientsFactAttribute()
    {
        Skip = new VaultServiceFactAttribute(false, "aws", "node").Skip ?? new PipAwsCliFactAttribute().Skip;
    }
}
