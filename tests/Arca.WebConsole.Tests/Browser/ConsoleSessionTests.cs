using Arca.Api.Client;
using Arca.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// Signing in and out: credentials live in the tab's session storage only and sign-out forgets them; a bad key is
/// refused with its AWS error; a member account, signed in with temporary credentials, only ever asks for and shows
/// its own jobs.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleSessionTests(ConsoleFixture fixture)
{
    private Tutorial Data => fixture.Tutorial;

    [ChromiumFact]
    public async Task Sign_out_clears_the_session_and_every_page_asks_to_sign_in_again()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.SignInAsync(Data.Management.Credentials);
        string stored = await tab.Page.EvaluateAsync<string>("() => JSON.stringify(sessionStorage)");
        Assert.Contains(Data.Management.Credentials.AccessKeyId, stored, StringComparison.Ordinal);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Arca" })).ToBeVisibleAsync();
        Assert.Equal(0, await tab.Page.EvaluateAsync<int>("() => sessionStorage.length"));
        Assert.Equal(0, await tab.Page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.Empty(await tab.Context.CookiesAsync());
        Assert.Empty(await tab.Page.Locator("#identity").InnerTextAsync());
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" })).ToBeHiddenAsync();

        int sent = tab.ApiRequests.Count;
        await tab.Page.EvaluateAsync("() => { location.hash = '#/vaults'; }");
        await tab.Page.ReloadAsync();
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Arca" })).ToBeVisibleAsync();
        Assert.Equal(sent, tab.ApiRequests.Count);
    }

    [ChromiumFact]
    public async Task A_wrong_secret_is_refused_with_its_aws_error_and_nothing_is_stored()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.Page.GetByLabel("Access key ID").FillAsync(Data.Management.Credentials.AccessKeyId);
        await tab.Page.GetByLabel("Secret access key").FillAsync("not-the-secret");
        await tab.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(tab.Page.Locator(".error-code")).ToHaveTextAsync("SignatureDoesNotMatch");
        await Assertions.Expect(tab.Page.Locator(".error-message")).ToContainTextAsync("The request signature we calculated does not match");
        Assert.Equal(0, await tab.Page.EvaluateAsync<int>("() => sessionStorage.length"));
    }

    [ChromiumFact]
    public async Task A_browser_clock_an_hour_behind_is_corrected_from_the_servers_date()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.Page.Clock.InstallAsync(new() { TimeDate = DateTime.UtcNow.AddHours(-1) });
        await tab.Page.ReloadAsync();
        double behind = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - await tab.Page.EvaluateAsync<double>("() => Date.now()");
        Assert.True(behind > TimeSpan.FromMinutes(50).TotalMilliseconds, $"the page's clock is only {behind} ms behind");

        await tab.SignInAsync(Data.Management.Credentials);

        Assert.Equal($"arn:aws:iam::{Data.ManagementAccount}:root", await tab.Page.InnerTextAsync("#who-arn"));
        await Assertions.Expect(tab.Page.Locator("#org-tree, #jobs-by-state").First).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task A_member_signed_in_with_a_session_token_asks_for_and_shows_only_its_own_jobs()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        AwsCredentials member = Data.SourceSession;
        await tab.SignInAsync(member);

        Assert.Equal($"arn:aws:sts::{Data.SourceAccount}:assumed-role/OrganizationAccountAccessRole/console-source", await tab.Page.InnerTextAsync("#who-arn"));
        Assert.Contains($"member of {Data.OrganizationId}", await tab.Page.InnerTextAsync("#who-account"), StringComparison.Ordinal);
        var seen = new List<string> { await tab.MainTextAsync() };
        foreach (string kind in new[] { "backup", "copy", "restore" })
        {
            await tab.GoAsync($"#/jobs?kind={kind}&account=*");
            seen.Add(await tab.MainTextAsync());
            await Assertions.Expect(tab.Page.Locator("#filter-account")).ToHaveCountAsync(0);
        }

        string[] jobRequests = [.. tab.ApiRequests.Where(r => r.StartsWith("/backup-jobs/", StringComparison.Ordinal) || r.StartsWith("/copy-jobs/", StringComparison.Ordinal) || r.StartsWith("/restore-jobs/", StringComparison.Ordinal))];
        Assert.NotEmpty(jobRequests);
        Assert.All(jobRequests, r => Assert.DoesNotContain("accountId", r, StringComparison.Ordinal));
        Assert.All(seen, text =>
        {
            Assert.DoesNotContain(Data.ManagementAccount, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Data.DestinationAccount, text, StringComparison.Ordinal);
        });
    }
}
