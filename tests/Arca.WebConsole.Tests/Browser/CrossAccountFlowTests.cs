using System.Text.RegularExpressions;
using Arca.WebConsole.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Arca.WebConsole.Tests.Browser;

/// <summary>
/// The tutorial's steps 4 and 5 end to end in the browser: the management account watches a member's failed and
/// completed jobs with their messages; a member backs up, copies to the destination account, and the destination account
/// copies the recovery point back to the source account and watches the copy complete; a restore with edited metadata.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CrossAccountFlowTests(ConsoleFixture fixture)
{
    private static readonly TimeSpan JobBound = TimeSpan.FromMinutes(2);

    private Tutorial Data => fixture.Tutorial;

    private MemberAccount Source => new(Data.Management.As(Data.SourceSession), Data.SourceAccount, Data.OrganizationId, Data.DestinationAccount);

    private MemberAccount Destination => new(Data.Management.As(Data.DestinationSession), Data.DestinationAccount, Data.OrganizationId, Data.SourceAccount);

    [ChromiumFact]
    public async Task The_management_account_sees_a_members_failed_and_completed_jobs_with_their_messages()
    {
        MemberAccount source = Source;
        await source.EnsureRoleAsync();
        await source.EnsureVaultAsync(Tutorial.Region);
        using var data = new TemporaryTree();
        string good = await source.RegisterDirectoryAsync(Tutorial.Region, "monitored-good", data.CreateDirectory("good", ("a.txt", "alpha")));
        string gonePath = data.CreateDirectory("gone", ("b.txt", "beta"));
        string gone = await source.RegisterDirectoryAsync(Tutorial.Region, "monitored-gone", gonePath);
        Directory.Delete(gonePath, recursive: true);
        string completed = await source.StartBackupAsync(Tutorial.Region, good);
        string failed = await source.StartBackupAsync(Tutorial.Region, gone);
        (await Data.Management.OrganizationsAsync("EnableAWSServiceAccess", new { ServicePrincipal = "backup.amazonaws.com" })).Expect("EnableAWSServiceAccess");
        try
        {
            await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
            await tab.SignInAsync(Data.Management.Credentials);
            await tab.GoAsync($"#/jobs?kind=backup&account={Data.SourceAccount}&region={Tutorial.Region}&since=24h");
            ILocator results = tab.Page.Locator("#jobs-results");
            await Assertions.Expect(results.GetByRole(AriaRole.Row).Filter(new() { HasText = completed })).ToContainTextAsync("COMPLETED", new() { Timeout = (float)JobBound.TotalMilliseconds });
            await Assertions.Expect(results.GetByRole(AriaRole.Row).Filter(new() { HasText = failed })).ToContainTextAsync("FAILED", new() { Timeout = (float)JobBound.TotalMilliseconds });

            string message = (await source.BackupAsync(Tutorial.Region, "GET", $"/backup-jobs/{failed}")).Expect("DescribeBackupJob").GetProperty("StatusMessage").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(message));
            await tab.GoAsync("#/dashboard");
            await tab.ScreenshotAsync("20-dashboard-with-member-jobs");
            await Assertions.Expect(tab.Page.Locator("#failed-jobs").GetByRole(AriaRole.Row).Filter(new() { HasText = failed })).ToContainTextAsync(message);
            // Counted from the organization's job summaries: the member's row shows its failed job.
            ILocator memberRow = tab.Page.Locator("#jobs-by-account").GetByRole(AriaRole.Row).Filter(new() { HasText = Data.SourceAccount });
            await Assertions.Expect(memberRow.First).ToBeVisibleAsync();
            Assert.True(int.Parse(await memberRow.First.Locator("td").Last.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1, "the member's failed job is not counted");
            await Assertions.Expect(tab.Page.Locator("#recent-jobs")).ToContainTextAsync(completed);

            await tab.Page.Locator("#failed-jobs").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(failed) }).ClickAsync();
            await tab.SettledAsync();
            await Assertions.Expect(tab.Page.Locator("#job-detail")).ToContainTextAsync($"Status message: {message}");
            await Assertions.Expect(tab.Page.Locator("#job-detail")).ToContainTextAsync(gone);
        }
        finally
        {
            await Data.Management.OrganizationsAsync("DisableAWSServiceAccess", new { ServicePrincipal = "backup.amazonaws.com" });
        }
    }

    [ChromiumFact]
    public async Task The_destination_account_copies_a_recovery_point_back_to_the_source_account_and_watches_it_complete()
    {
        MemberAccount source = Source;
        MemberAccount destination = Destination;
        await CrossAccountBackupAsync("true");
        try
        {
            await CopyThereAndBackAsync(source, destination);
        }
        finally
        {
            await CrossAccountBackupAsync("false");
        }
    }

    private async Task CopyThereAndBackAsync(MemberAccount source, MemberAccount destination)
    {
        await source.EnsureRoleAsync();
        await source.EnsureVaultAsync(Tutorial.Region);
        await destination.EnsureRoleAsync();
        await destination.EnsureVaultAsync("eu-west-1");
        using var data = new TemporaryTree();
        string resource = await source.RegisterDirectoryAsync(Tutorial.Region, "copied", data.CreateDirectory("copied", ("c.txt", "gamma")));

        // SourceAccount backs up and copies to DestinationAccount in eu-west-1, in the console.
        await using (ConsoleTab tab = await ConsoleTab.OpenAsync(fixture))
        {
            await tab.SignInAsync(source.Credentials);
            await BackUpAsync(tab, source, resource);
            await tab.GoAsync($"#/vault/{Tutorial.Region}/{Tutorial.Vault}");
            await RecoveryPointOf(tab, resource).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Copy recovery point") }).ClickAsync();
            ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Copy a recovery point" });
            await dialog.GetByLabel("Destination vault ARN").FillAsync(destination.VaultArn("eu-west-1"));
            await dialog.GetByLabel("IAM role ARN").FillAsync(source.RoleArn);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Start copy" }).ClickAsync();
            await FollowStartedJobAsync(tab);
        }

        // DestinationAccount copies it back: the destination is pre-filled from the recovery point's SourceBackupVaultArn.
        await using (ConsoleTab tab = await ConsoleTab.OpenAsync(fixture))
        {
            await tab.SignInAsync(destination.Credentials, "eu-west-1");
            await tab.GoAsync($"#/vault/eu-west-1/{Tutorial.Vault}");
            await RecoveryPointOf(tab, resource).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("back to its source vault") }).ClickAsync();
            ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Copy back to the source account" });
            await Assertions.Expect(dialog.GetByLabel("Destination vault ARN")).ToHaveValueAsync(source.VaultArn(Tutorial.Region));
            await dialog.GetByLabel("IAM role ARN").FillAsync(destination.RoleArn);
            await tab.ScreenshotAsync("21-copy-back-dialog");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy back" }).ClickAsync();
            await FollowStartedJobAsync(tab);
            await tab.ScreenshotAsync("22-copy-back-completed");
        }

        var points = (await source.BackupAsync(Tutorial.Region, "GET", $"/backup-vaults/{Tutorial.Vault}/recovery-points/")).Expect("ListRecoveryPointsByBackupVault");
        Assert.Contains(points.GetProperty("RecoveryPoints").EnumerateArray(), rp => rp.TryGetProperty("SourceBackupVaultArn", out var from) && from.GetString() == destination.VaultArn("eu-west-1"));
    }

    [ChromiumFact]
    public async Task A_member_restores_a_recovery_point_to_an_edited_target_and_watches_it_complete()
    {
        MemberAccount source = Source;
        await source.EnsureRoleAsync();
        await source.EnsureVaultAsync(Tutorial.Region);
        using var data = new TemporaryTree();
        string resource = await source.RegisterDirectoryAsync(Tutorial.Region, "restored", data.CreateDirectory("restored", ("d.txt", "delta")));
        string target = Path.Combine(data.Root, "restored-here");

        await using ConsoleTab tab = await ConsoleTab.OpenAsync(fixture);
        await tab.SignInAsync(source.Credentials);
        await BackUpAsync(tab, source, resource);
        await tab.GoAsync($"#/vault/{Tutorial.Region}/{Tutorial.Vault}");
        await RecoveryPointOf(tab, resource).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Restore recovery point") }).ClickAsync();
        ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Restore a recovery point" });
        ILocator path = dialog.GetByLabel(new Regex("^Metadata: .*path", RegexOptions.IgnoreCase)).First;
        await path.FillAsync(target);
        await dialog.GetByLabel("IAM role ARN").FillAsync(source.RoleArn);
        await tab.ScreenshotAsync("23-restore-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start restore" }).ClickAsync();
        await FollowStartedJobAsync(tab);
        await tab.ScreenshotAsync("24-restore-completed");

        Assert.Equal("delta", await File.ReadAllTextAsync(Path.Combine(target, "d.txt")));
    }

    /// <summary>The (only) recovery point row of <paramref name="resource"/> on a vault page.</summary>
    private static ILocator RecoveryPointOf(ConsoleTab tab, string resource) =>
        tab.Page.Locator("#recovery-points").GetByRole(AriaRole.Row).Filter(new() { HasText = resource });

    private async Task CrossAccountBackupAsync(string enabled) =>
        (await Data.Management.BackupAsync(Tutorial.Region, "PUT", "/global-settings", new { GlobalSettings = new Dictionary<string, string> { ["isCrossAccountBackupEnabled"] = enabled } }))
            .Expect("UpdateGlobalSettings");

    /// <summary>Starts a backup of <paramref name="resource"/> from the vault page and follows the job to COMPLETED.</summary>
    private static async Task BackUpAsync(ConsoleTab tab, MemberAccount account, string resource)
    {
        await tab.GoAsync($"#/vault/{Tutorial.Region}/{Tutorial.Vault}");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Back up a resource now…" }).ClickAsync();
        ILocator dialog = tab.Page.GetByRole(AriaRole.Dialog, new() { Name = "Start an on-demand backup" });
        await dialog.GetByLabel("Resource ARN").FillAsync(resource);
        await dialog.GetByLabel("IAM role ARN").FillAsync(account.RoleArn);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start backup" }).ClickAsync();
        await FollowStartedJobAsync(tab);
    }

    /// <summary>Opens the job an action reported and waits, on its live page, until it completes.</summary>
    private static async Task FollowStartedJobAsync(ConsoleTab tab)
    {
        ILocator started = tab.Page.Locator("#action-status a");
        ILocator refused = tab.Page.Locator("dialog .error, #action-status .error");
        await started.Or(refused).First.WaitForAsync();
        Assert.True(await refused.CountAsync() == 0, "the action was refused: " + (await refused.CountAsync() > 0 ? await refused.First.InnerTextAsync() : string.Empty));
        await started.ClickAsync();
        await tab.SettledAsync();
        await Assertions.Expect(tab.Page.Locator("#job-detail .badge").First).ToHaveTextAsync("COMPLETED", new() { Timeout = (float)JobBound.TotalMilliseconds });
    }
}
