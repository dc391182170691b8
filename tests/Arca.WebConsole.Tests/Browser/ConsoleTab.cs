using Arca.Api.Client;
using Arca.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// One browser context and page on the console (fresh session storage), with the steps tests repeat: sign in, open a
/// page and wait until every section has loaded, screenshot. Uncaught script errors fail the test on dispose.
/// </summary>
internal sealed class ConsoleTab : IAsyncDisposable
{
    private readonly List<string> _scriptErrors = [];

    private ConsoleTab(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Every request the page sent to the API (path and query), in order.</summary>
    public List<string> ApiRequests { get; } = [];

    public static async Task<ConsoleTab> OpenAsync(ConsoleFixture fixture, int width = 1280, int height = 800)
    {
        IBrowserContext context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = fixture.Server.Endpoint.ToString() });
        context.SetDefaultTimeout(15_000);
        var tab = new ConsoleTab(context, await context.NewPageAsync());
        tab.Page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (!url.AbsolutePath.StartsWith("/console", StringComparison.Ordinal))
            {
                lock (tab.ApiRequests)
                {
                    tab.ApiRequests.Add(url.PathAndQuery);
                }
            }
        };
        await tab.Page.GotoAsync("/console/");
        return tab;
    }

    public async Task SignInAsync(AwsCredentials credentials, string region = Tutorial.Region)
    {
        await Page.GetByLabel("Access key ID").FillAsync(credentials.AccessKeyId);
        await Page.GetByLabel("Secret access key").FillAsync(credentials.SecretAccessKey);
        if (credentials.SessionToken is { } token)
        {
            await Page.GetByLabel("Session token (temporary credentials only)").FillAsync(token);
        }

        await Page.GetByLabel("Region").SelectOptionAsync(region);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.Locator("#who-arn").WaitForAsync();
        await SettledAsync();
    }

    /// <summary>Opens a console page (#/…) and waits until its sections have loaded or failed.</summary>
    public async Task GoAsync(string hash)
    {
        await Page.EvaluateAsync("hash => { location.hash = hash; }", hash);
        await Page.WaitForFunctionAsync("hash => location.hash === hash", hash);
        await SettledAsync();
    }

    /// <summary>Waits until no section is loading.</summary>
    public async Task SettledAsync()
    {
        await Page.Locator("main h1").First.WaitForAsync();
        await Page.WaitForFunctionAsync("() => document.querySelectorAll('[aria-busy=\"true\"]').length === 0 && !document.querySelector('main .muted')?.textContent.startsWith('Loading filters')");
    }

    public Task<string> MainTextAsync() => Page.InnerTextAsync("main");

    /// <summary>Saves TestResults/console/NAME.png: the whole page, or only what the viewport shows.</summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Repository.Screenshots, name + ".png"), FullPage = fullPage });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Assert.True(_scriptErrors.Count == 0, "uncaught script errors:\n" + string.Join('\n', _scriptErrors));
    }
}
