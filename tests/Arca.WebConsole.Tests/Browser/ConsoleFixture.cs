using Arca.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// What the browser tests share: one <c>arca server</c> with the <see cref="Tutorial"/> layout and one headless Debian
/// Chromium (each test opens its own context: fresh storage, no shared session). Nothing starts where Chromium is
/// missing; the tests are skipped then.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>The probe's flags (test-clients.md §5): no background traffic towards a network this machine cannot reach.</summary>
    private static readonly string[] ChromiumArguments =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public HttpClient Http { get; } = new();

    internal ServerProcess Server { get; private set; } = null!;

    internal Tutorial Tutorial { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Executable))
        {
            return;
        }

        Server = await ServerProcess.StartAsync();
        Tutorial = await Tutorial.CreateAsync(Server, Http);
        _playwright = await Playwright.CreateAsync();
        // Playwright adds --headless and --no-sandbox itself, and a fresh --user-data-dir per launch.
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.Executable, Headless = true, Args = ChromiumArguments });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Http.Dispose();
    }
}
