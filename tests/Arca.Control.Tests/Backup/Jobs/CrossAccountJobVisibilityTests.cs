using Arca.Control.Backup.Jobs;
using Arca.Control.Identity;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup.Jobs;

/// <summary>
/// Cross-account monitoring of ListBackupJobs/ListRestoreJobs <c>ByAccountId</c> and Describe*Job: the management account
/// and the delegated administrator for Backup see the organization's jobs once trusted access for backup.amazonaws.com is
/// enabled; members, and everyone while it is disabled, see only their own; no account outside the organization is seen.
/// </summary>
public sealed class CrossAccountJobVisibilityTests : IAsyncLifetime
{
    private MonitoringFixture _f = null!;
    private readonly Dictionary<string, (string Backup, string Restore)> _jobs = new(StringComparer.Ordinal);

    public async Task InitializeAsync() => await StartAsync(monitoring: true);

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task The_management_account_lists_every_account_with_a_star_one_with_its_id_and_its_own_without_a_value()
    {
        CallerIdentity m = _f.Management;
        string[] organization = [m.AccountId, _f.Admin.AccountId, _f.Member.AccountId];

        await ListsAsync(m, "*", organization);
        await ListsAsync(m, _f.Member.AccountId, [_f.Member.AccountId]);
        await ListsAsync(m, m.AccountId, [m.AccountId]);
        await ListsAsync(m, null, [m.AccountId]);
        await ListsAsync(m, _f.Outsider.AccountId, []);
        await ListsAsync(m, "123456789012", []);
    }

    [Fact]
    public async Task The_delegated_administrator_monitors_like_the_management_account()
    {
        CallerIdentity a = _f.Admin;
        await ListsAsync(a, "*", [_f.Management.AccountId, a.AccountId, _f.Member.AccountId]);
        await ListsAsync(a, _f.Management.AccountId, [_f.Management.AccountId]);
        await ListsAsync(a, null, [a.AccountId]);
        await ListsAsync(a, _f.Outsider.AccountId, []);
        await DescribesAsync(a, _f.Member, true);
        await DescribesAsync(a, _f.Management, true);
        await DescribesAsync(a, _f.Outsider, false);
    }

    [Fact]
    public async Task A_member_sees_only_its_own_jobs_whatever_it_asks_for()
    {
        CallerIdentity me = _f.Member;
        foreach (string? by in new[] { "*", _f.Management.AccountId, _f.Admin.AccountId, me.AccountId, null })
        {
            await ListsAsync(me, by, [me.AccountId]);
        }

        await DescribesAsync(me, me, true);
        await DescribesAsync(me, _f.Management, false);
        await DescribesAsync(me, _f.Admin, false);
    }

    [Fact]
    public async Task An_account_outside_the_organization_sees_its_own_and_nobody_describes_it()
    {
        await ListsAsync(_f.Outsider, "*", [_f.Outsider.AccountId]);
        await ListsAsync(_f.Outsider, _f.Member.AccountId, [_f.Outsider.AccountId]);
        await DescribesAsync(_f.Outsider, _f.Member, false);
        await DescribesAsync(_f.Management, _f.Outsider, false);
        await DescribesAsync(_f.Management, _f.Member, true);
        await DescribesAsync(_f.Management, _f.Admin, true);
    }

    [Fact]
    public async Task Without_trusted_access_the_monitoring_accounts_see_only_their_own()
    {
        await _f.DisposeAsync();
        _jobs.Clear();
        await StartAsync(monitoring: false);

        foreach (CallerIdentity caller in new[] { _f.Management, _f.Admin })
        {
            await ListsAsync(caller, "*", [caller.AccountId]);
            await ListsAsync(caller, _f.Member.AccountId, [caller.AccountId]);
            await DescribesAsync(caller, _f.Member, false);
        }

        await _f.O.ServiceAccess.EnableAwsServiceAccessAsync(_f.Management, "backup.amazonaws.com");
        await ListsAsync(_f.Management, "*", [_f.Management.AccountId, _f.Admin.AccountId, _f.Member.AccountId]);
        await DescribesAsync(_f.Management, _f.Member, true);
    }

    [Fact]
    public async Task A_deregistered_administrator_stops_seeing_other_accounts()
    {
        await _f.O.Delegated.DeregisterDelegatedAdministratorAsync(_f.Management, _f.Admin.AccountId, "backup.amazonaws.com");
        await ListsAsync(_f.Admin, "*", [_f.Admin.AccountId]);
        await DescribesAsync(_f.Admin, _f.Member, false);
    }

    private async Task StartAsync(bool monitoring)
    {
        _f = await MonitoringFixture.StartAsync(monitoring);
        foreach (CallerIdentity caller in _f.Everyone)
        {
            _jobs[caller.AccountId] = (await _f.AddBackupAsync(caller), await _f.AddRestoreAsync(caller));
        }
    }

    /// <summary>Both listings show exactly the jobs of <paramref name="expected"/>.</summary>
    private async Task ListsAsync(CallerIdentity caller, string? byAccountId, string[] expected)
    {
        var backups = (await _f.J.BackupJobs.ListAsync(caller, new BackupJobFilter { ByAccountId = byAccountId })).Items.Select(j => j.AccountId).ToList();
        var restores = (await _f.J.Restores.ListAsync(caller, new RestoreJobFilter { ByAccountId = byAccountId })).Items.Select(j => j.AccountId).ToList();
        string[] want = [.. expected.Order(StringComparer.Ordinal)];
        Assert.Equal(want, backups.Order(StringComparer.Ordinal));
        Assert.Equal(want, restores.Order(StringComparer.Ordinal));
    }

    /// <summary>DescribeBackupJob and DescribeRestoreJob of <paramref name="owner"/>'s jobs answer, or say ResourceNotFound.</summary>
    private async Task DescribesAsync(CallerIdentity caller, CallerIdentity owner, bool allowed)
    {
        (string backup, string restore) = _jobs[owner.AccountId];
        if (allowed)
        {
            Assert.Equal(owner.AccountId, (await _f.J.BackupJobs.DescribeAsync(caller, backup)).AccountId);
            Assert.Equal(owner.AccountId, (await _f.J.Restores.DescribeAsync(caller, restore)).AccountId);
        }
        else
        {
            await Throws(() => _f.J.BackupJobs.DescribeAsync(caller, backup), "ResourceNotFoundException", backup);
            await Throws(() => _f.J.Restores.DescribeAsync(caller, restore), "ResourceNotFoundException", restore);
        }
    }
}
