using System.Text.RegularExpressions;
using Arca.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// Changes go through confirmation dialogs (cancel sends nothing, confirm sends the one operation), and every failure
/// is shown with its AWS code and message: an operation the server lacks, or a job that does not exist.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleActionsTests(ConsoleFixture fixture)
{
    private Tutorial Data => fixture.Tutorial;

    [ChromiumFact]
    public async Task Cross_account_monitoring_is_turned_on_and_off_through_a_confirmation_dialog()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.SignInAsync(Data.Management.Credentials);
        await tab.GoAsync("#/settings");
        ILocator card = tab.Page.Locator("#setting-monitoring");
        await Assertions.Expect(card).ToContainTextAsync("Status: DISABLED");

        await card.GetByRole(AriaRole.Button, new() { Name = "Enable cross-account monitoring…" }).ClickAsync();
        ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Enable cross-account monitoring" });
        await Assertions.Expect(dialog).ToContainTextAsync("EnableAWSServiceAccess");
        await tab.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.False(await MonitoringEnabledAsync(), "cancelling must send nothing");

        await card.GetByRole(AriaRole.Button, new() { Name = "Enable cross-account monitoring…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Status: ENABLED");
        Assert.True(await MonitoringEnabledAsync());

        await card.GetByRole(AriaRole.Button, new() { Name = "Disable cross-account monitoring…" }).ClickAsync();
        await tab.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Status: DISABLED");
        Assert.False(await MonitoringEnabledAsync());
    }

    [ChromiumFact]
    public async Task An_on_demand_backup_is_confirmed_in_a_dialog_that_shows_the_servers_answer()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.SignInAsync(Data.Management.Credentials);
        await tab.GoAsync($"#/vault/{Tutorial.Region}/{Tutorial.Vault}");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Back up a resource now…" }).ClickAsync();
        ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Start an on-demand backup" });
        await dialog.GetByLabel("Resource ARN").FillAsync($"arn:aws:backup:{Tutorial.Region}:{Data.ManagementAccount}:resource:Directory/nothing-here");
        await dialog.GetByLabel("IAM role ARN").FillAsync($"arn:aws:iam::{Data.ManagementAccount}:role/cabrole");
        await tab.ScreenshotAsync("13-backup-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start backup" }).ClickAsync();

        // Whatever the server answers (the operation missing, or the resource unknown), the dialog shows it and stays open.
        ILocator code = dialog.Locator(".error-code");
        await Assertions.Expect(code).ToHaveTextAsync(new Regex(Data.Unimplemented.Contains("StartBackupJob") ? "^UnsupportedOperationException$" : @"^\w+Exception$"));
        await Assertions.Expect(dialog.Locator(".error-message")).Not.ToBeEmptyAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [ChromiumFact]
    public async Task A_job_that_does_not_exist_and_an_unknown_page_show_errors_not_blank_pages()
    {
        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.SignInAsync(Data.Management.Credentials);
        await tab.GoAsync($"#/job/backup/{Tutorial.Region}/no-such-job");
        await tab.ScreenshotAsync("14-job-error");
        await Assertions.Expect(tab.Page.Locator("#job-detail .error-code")).ToHaveTextAsync(new Regex(@"^(UnsupportedOperationException|ResourceNotFoundException|InvalidParameterValueException)$"));
        await Assertions.Expect(tab.Page.Locator("#job-detail .error-message")).Not.ToBeEmptyAsync();

        await tab.GoAsync("#/no-such-page");
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }

    private async Task<bool> MonitoringEnabledAsync()
    {
        var answer = (await Data.Management.OrganizationsAsync("ListAWSServiceAccessForOrganization", new { })).Expect("ListAWSServiceAccessForOrganization");
        return answer.GetProperty("EnabledServicePrincipals").EnumerateArray().Any(p => p.GetProperty("ServicePrincipal").GetString() == "backup.amazonaws.com");
    }
}
