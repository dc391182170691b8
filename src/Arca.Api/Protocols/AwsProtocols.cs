using Arca.Api.Protocols.AwsJson;
using Arca.Api.Protocols.Query;
using Arca.Api.Protocols.RestJson;

namespace Arca.Api.Protocols;

/// <summary>
/// The services on the listener, by SigV4 signing name, each in its protocol. <see cref="CreateDefault"/> sets up
/// the five services Arca speaks; operations are registered on them (<see cref="Query"/>, <see cref="Json"/>,
/// <see cref="Rest"/>) while the server is built.
/// </summary>
public sealed class AwsProtocols
{
    /// <summary>The STS XML namespace.</summary>
    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>The IAM XML namespace.</summary>
    public const string IamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    private readonly Dictionary<string, IAwsProtocolEndpoint> _services = new(StringComparer.Ordinal);

    /// <summary>sts and iam (awsQuery, global), organizations (awsJson1.1, global), kms (awsJson1.1, regional), backup (restJson1, regional).</summary>
    public static AwsProtocols CreateDefault()
    {
        var protocols = new AwsProtocols();
        protocols.Add(new AwsQueryService("sts", StsNamespace, "2011-06-15", "STS"));
        protocols.Add(new AwsQueryService("iam", IamNamespace, "2010-05-08", "IAM"));
        protocols.Add(new AwsJsonService("organizations", "AWSOrganizationsV20161128", isRegional: false, messageMember: "Message"));
        protocols.Add(new AwsJsonService("kms", "TrentService", isRegional: true, messageMember: "message"));
        protocols.Add(new RestJsonService("backup", isRegional: true, "AWS Backup", BackupOperations.All));
        return protocols;
    }

    /// <summary>Adds a service; its signing name must be new.</summary>
    public void Add(IAwsProtocolEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!_services.TryAdd(endpoint.Service, endpoint))
        {
            throw new InvalidOperationException($"service {endpoint.Service} is added twice");
        }
    }

    /// <summary>The service signed as <paramref name="service"/>, or null.</summary>
    public IAwsProtocolEndpoint? Find(string service) => _services.GetValueOrDefault(service);

    /// <summary>The awsQuery service <paramref name="service"/> (<c>sts</c>, <c>iam</c>).</summary>
    public AwsQueryService Query(string service) => Get<AwsQueryService>(service);

    /// <summary>The awsJson1.1 service <paramref name="service"/> (<c>organizations</c>, <c>kms</c>).</summary>
    public AwsJsonService Json(string service) => Get<AwsJsonService>(service);

    /// <summary>The restJson1 service <paramref name="service"/> (<c>backup</c>).</summary>
    public RestJsonService Rest(string service) => Get<RestJsonService>(service);

    private T Get<T>(string service)
        where T : class, IAwsProtocolEndpoint =>
        _services.GetValueOrDefault(service) as T
        ?? throw new InvalidOperationException($"no {typeof(T).Name} is registered for service {service}");
}
