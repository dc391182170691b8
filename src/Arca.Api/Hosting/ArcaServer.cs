using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Arca.Api.Hosting;

/// <summary>
/// Arca's HTTP server: one listener for every AWS service it speaks (docs/design/server.md §5), plus
/// <c>GET /health</c>. Create one with <see cref="CreateBuilder"/>.
/// </summary>
/// <remarks>Start once, stop once. Disposing stops the server; it does not dispose the global store.</remarks>
public sealed class ArcaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal ArcaServer(WebApplication app) => _app = app;

    /// <summary>The server's services (control plane included).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The address the server listens on, with the real port when <c>:0</c> was asked; set once started.</summary>
    public Uri BaseAddress
    {
        get
        {
            string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server is not started.");
            return new Uri(address);
        }
    }

    /// <summary>A builder for a server with <paramref name="options"/> over <paramref name="controlPlane"/>.</summary>
    public static ArcaServerBuilder CreateBuilder(ArcaServerOptions options, ArcaControlPlane controlPlane) => new(options, controlPlane);

    /// <summary>Validates the options and starts listening.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Stops accepting requests and lets running ones finish.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Completes when the host shuts down (SIGTERM, Ctrl-C, or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
