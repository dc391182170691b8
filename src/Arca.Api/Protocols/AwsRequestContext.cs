using Arca.Control.Identity;

namespace Arca.Api.Protocols;

/// <summary>
/// What every operation handler gets besides its input: the authenticated caller, the scope's service and
/// region, the request id, the request's services and its cancellation.
/// </summary>
/// <param name="Caller">Who signed the request (account, principal, organization).</param>
/// <param name="Service">The SigV4 scope's service (<c>backup</c>, <c>kms</c>, <c>sts</c>…).</param>
/// <param name="Region">The SigV4 scope's region; for regional services, one this server serves.</param>
/// <param name="RequestId">The id sent back to the client (<c>x-amzn-RequestId</c>, <c>RequestId</c>).</param>
/// <param name="Services">The request's service provider: handlers resolve control-plane services here.</param>
/// <param name="CancellationToken">Signalled when the client goes away or the server stops.</param>
public sealed record AwsRequestContext(
    CallerIdentity Caller,
    string Service,
    string Region,
    string RequestId,
    IServiceProvider Services,
    CancellationToken CancellationToken);
