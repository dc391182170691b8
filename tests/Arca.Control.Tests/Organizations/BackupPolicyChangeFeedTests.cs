using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

/// <summary>The durable change feed of effective backup policies and its notifications.</summary>
public sealed class BackupPolicyChangeFeedTests : IAsyncLifetime
{
    private static readonly string Cab = PolicyGolden.Read("tutorial-cabpolicy", "cabpolicy.json");
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        (_management, _organization) = await _f.NewOrganizationAsync();
        _root = (await _f.Organizations.ListRootsAsync(_management, null, null)).Items[0].Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Nothing_is_marked_while_backup_policies_are_not_enabled()
    {
        (string account, _) = await _f.NewMemberAsync(_management, "m");
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "ou", null)).Id;
        await _f.Members.MoveAccountAsync(_management, account, _root, ou);
        await _f.CreateBackupPolicyAsync(_management, "cab", Cab);

        Assert.Empty(await _f.Feed.ListPendingAsync());
        Assert.Empty(_f.PolicyListener.Changes);
    }

    [Fact]
    public async Task Attaching_to_an_ou_marks_every_account_beneath_it_and_notifies_once()
    {
        await _f.EnableBackupPoliciesAsync(_management);
        string top = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "top", null)).Id;
        string nested = (await _f.Units.CreateOrganizationalUnitAsync(_management, top, "nested", null)).Id;
        (string a, _) = await _f.NewMemberAsync(_management, "a");
        (string b, _) = await _f.NewMemberAsync(_management, "b");
        (string outside, _) = await _f.NewMemberAsync(_management, "outside");
        await _f.Members.MoveAccountAsync(_management, a, _root, top);
        await _f.Members.MoveAccountAsync(_management, b, _root, nested);
        await CompleteAllAsync();
        int before = _f.PolicyListener.Changes.Count;

        _f.Time.Advance(TimeSpan.FromMinutes(5));
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", Cab);
        await _f.Attachments.AttachPolicyAsync(_management, policy, top);

        BackupPolicyAccountsChanged change = Assert.Single(_f.PolicyListener.Changes.Skip(before));
        Assert.Equal((_organization.Id, BackupPolicyChangeReason.PolicyAttached, ControlFixture.T0.AddMinutes(5)), (change.OrganizationId, change.Reason, change.At));
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), change.AccountIds);
        IReadOnlyList<PendingBackupPolicyChange> pending = await _f.Feed.ListPendingAsync();
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), pending.Select(p => p.AccountId));
        Assert.All(pending, p => Assert.Equal((BackupPolicyChangeReason.PolicyAttached, ControlFixture.T0.AddMinutes(5)), (p.Reason, p.ChangedAt)));
        Assert.DoesNotContain(pending, p => p.AccountId == outside);
        Assert.Equal(ControlFixture.T0.AddMinutes(5), (await _f.BackupPolicies.DescribeEffectivePolicyAsync(_management, "BACKUP_POLICY", b)).LastUpdatedTimestamp);
    }

    [Fact]
    public async Task Completing_a_marker_fails_when_the_account_changed_again_so_no_change_is_lost()
    {
        await _f.EnableBackupPoliciesAsync(_management);
        (string account, _) = await _f.NewMemberAsync(_management, "m");
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", Cab);
        await _f.Attachments.AttachPolicyAsync(_management, policy, account);
        PendingBackupPolicyChange listed = Assert.Single(await _f.Feed.ListPendingAsync());

        _f.Time.Advance(TimeSpan.FromHours(1));
        await _f.Policies.UpdatePolicyAsync(_management, new UpdatePolicyRequest { PolicyId = policy, Content = Cab.Replace("cabvault\"}", "othervault\"}", StringComparison.Ordinal) });
        Assert.False(await _f.Feed.CompleteAsync(listed));
        PendingBackupPolicyChange again = Assert.Single(await _f.Feed.ListPendingAsync());
        Assert.Equal((BackupPolicyChangeReason.PolicyContentUpdated, ControlFixture.T0.AddHours(1)), (again.Reason, again.ChangedAt));
        Assert.True(await _f.Feed.CompleteAsync(again));
        Assert.False(await _f.Feed.CompleteAsync(again));
        Assert.Empty(await _f.Feed.ListPendingAsync());
        Assert.Null(await _f.Feed.FindPendingAsync(account));
        Assert.Equal(ControlFixture.T0.AddHours(1), (await _f.BackupPolicies.GetAccountPolicyAsync(account))!.LastUpdated);

        await _f.Policies.UpdatePolicyAsync(_management, new UpdatePolicyRequest { PolicyId = policy, Name = "renamed", Description = "only words" });
        Assert.Empty(await _f.Feed.ListPendingAsync());
    }

    [Fact]
    public async Task Tree_changes_mark_the_account_in_their_transaction_and_are_forwarded_to_the_listeners()
    {
        await _f.EnableBackupPoliciesAsync(_management);
        string policy = await _f.CreateBackupPolicyAsync(_management, "cab", Cab);
        string ou = (await _f.Units.CreateOrganizationalUnitAsync(_management, _root, "ou", null)).Id;
        await _f.Attachments.AttachPolicyAsync(_management, policy, ou);

        (string account, _) = await _f.NewMemberAsync(_management, "m");
        Assert.Equal(BackupPolicyChangeReason.AccountJoined, (await _f.Feed.FindPendingAsync(account))!.Reason);
        await _f.Attachments.AttachPolicyAsync(_management, (await _f.CreateBackupPolicyAsync(_management, "own", Cab)), account);
        await _f.Members.MoveAccountAsync(_management, account, _root, ou);
        Assert.Equal(BackupPolicyChangeReason.AccountMoved, (await _f.Feed.FindPendingAsync(account))!.Reason);
        await _f.Members.RemoveAccountFromOrganizationAsync(_management, account);
        PendingBackupPolicyChange removed = (await _f.Feed.FindPendingAsync(account))!;
        Assert.Equal((BackupPolicyChangeReason.AccountRemoved, _organization.Id), (removed.Reason, removed.OrganizationId));
        Assert.Null(await _f.BackupPolicies.GetAccountPolicyAsync(account));

        Assert.Equal(
            [BackupPolicyChangeReason.AccountJoined, BackupPolicyChangeReason.PolicyAttached, BackupPolicyChangeReason.AccountMoved, BackupPolicyChangeReason.AccountRemoved],
            _f.PolicyListener.Changes.Where(c => c.AccountIds.Contains(account)).Select(c => c.Reason));
    }

    [Fact]
    public async Task Disabling_backup_policies_marks_the_accounts_they_applied_to_and_deleting_the_organization_marks_the_management_account()
    {
        await _f.EnableBackupPoliciesAsync(_management);
        (string account, _) = await _f.NewMemberAsync(_management, "m");
        await _f.Attachments.AttachPolicyAsync(_management, await _f.CreateBackupPolicyAsync(_management, "cab", Cab), account);
        await CompleteAllAsync();

        await _f.PolicyTypes.DisablePolicyTypeAsync(_management, _root, "BACKUP_POLICY");
        Assert.Equal((account, BackupPolicyChangeReason.PolicyTypeDisabled), Single(await _f.Feed.ListPendingAsync()));
        await CompleteAllAsync();

        await _f.PolicyTypes.EnablePolicyTypeAsync(_management, _root, "BACKUP_POLICY");
        await _f.Members.RemoveAccountFromOrganizationAsync(_management, account);
        await CompleteAllAsync();
        await _f.Organizations.DeleteOrganizationAsync(_management);
        Assert.Equal((_management.AccountId, BackupPolicyChangeReason.OrganizationDeleted), Single(await _f.Feed.ListPendingAsync()));
        Assert.Equal(BackupPolicyChangeReason.OrganizationDeleted, _f.PolicyListener.Changes[^1].Reason);
    }

    private static (string, BackupPolicyChangeReason) Single(IReadOnlyList<PendingBackupPolicyChange> pending)
    {
        PendingBackupPolicyChange one = Assert.Single(pending);
        return (one.AccountId, one.Reason);
    }

    private async Task CompleteAllAsync()
    {
        foreach (PendingBackupPolicyChange change in await _f.Feed.ListPendingAsync())
        {
            Assert.True(await _f.Feed.CompleteAsync(change));
        }
    }
}
