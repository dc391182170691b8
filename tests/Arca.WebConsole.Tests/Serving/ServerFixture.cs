using Arca.WebConsole.Tests.Infrastructure;

namespace Arca.WebConsole.Tests.Serving;

/// <summary>One <c>arca server</c> process and an HTTP client that does not follow redirects, for a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    internal ServerProcess Server { get; private set; } = null!;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
