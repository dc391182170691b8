using System.Security.Cryptography;
using Arca.Control.Backup.Copies;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Tests.Backup.Vaults;
using Arca.Domain.Copies;
using Arca.Domain.Plans;
using static Arca.Control.Tests.Backup.Copies.CopyFixture;

namespace Arca.Control.Tests.Backup.Copies;

/// <summary>Each of AWS's copy checks fails the job with AWS's exact status message, and nothing lands in the destination.</summary>
public sealed class CopyCheckTests : IAsyncLifetime
{
    private readonly CopyFixture _f = new();
    private string _dir = null!;

    public Task InitializeAsync()
    {
        _dir = _f.NewDirectory("web", ("index.html", RandomNumberGenerator.GetBytes(10_000)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Cross_account_copy_fails_when_the_organization_did_not_enable_cross_account_backup()
    {
        await _f.InitializeAsync(enableCrossAccount: false);
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.CrossAccountDisabled, "INVALIDPARAMETERS");

        // Within one account the organization's switch does not matter.
        CopyJobDetails own = await _f.CopyAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Source));
        Assert.Equal("COMPLETED", own.State);
    }

    [Fact]
    public async Task Cross_account_copy_fails_when_the_destination_is_in_another_organization()
    {
        await _f.InitializeAsync();
        _f.V.Organizations.Add(_f.Destination.Id, new OrganizationMembership("o-zzzzzzzzzz", _f.Destination.Id, ["o-zzzzzzzzzz/r-zz99/"]));
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.NotSameOrganization, "INVALIDPARAMETERS");
    }

    [Fact]
    public async Task Cross_account_copy_fails_when_the_destination_vault_policy_does_not_allow_CopyIntoBackupVault()
    {
        await _f.InitializeAsync();
        await _f.V.Policies.DeleteAsync(_f.Destination.In(West), "cabvault");
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.AccessDenied, "AccessDenied");
    }

    [Fact]
    public async Task A_deny_in_the_destination_vault_policy_stops_the_copy_even_with_the_organization_allowed()
    {
        await _f.InitializeAsync();
        string deny = VaultFixture.Statement("Deny", $$"""{"AWS":"{{_f.Source.Id}}"}""", "backup:CopyIntoBackupVault");
        await _f.V.Policies.PutAsync(_f.Destination.In(West), "cabvault", VaultFixture.Policy(OrgCopyIn + "," + deny));
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.AccessDenied, "AccessDenied");
    }

    [Fact]
    public async Task A_copy_into_a_vault_of_another_account_that_does_not_exist_is_an_access_denial()
    {
        await _f.InitializeAsync();
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination, "nosuchvault"), CopyChecks.AccessDenied, "AccessDenied");
    }

    [Fact]
    public async Task A_deny_of_CopyFromBackupVault_on_the_source_vault_with_CopyTargets_stops_copies_to_other_targets()
    {
        await _f.InitializeAsync();
        string allowed = VaultArn(West, _f.Destination);
        string denyOthers = $$$$"""{"Effect":"Deny","Principal":"*","Action":"backup:CopyFromBackupVault","Resource":"*","Condition":{"ForAllValues:StringNotEquals":{"backup:CopyTargets":["{{{{allowed}}}}"]}}}""";
        await _f.V.Policies.PutAsync(_f.Source.Caller, "cabvault", VaultFixture.Policy(OrgCopyIn + "," + denyOthers));
        RecoveryPointRecord point = await _f.BackUpAsync(_dir);

        await FailsAsync(point, VaultArn(East, _f.Destination), CopyChecks.AccessDenied, "AccessDenied");
        Assert.Equal("COMPLETED", (await _f.CopyAsync(point, allowed)).State);
    }

    [Fact]
    public async Task A_source_key_whose_policy_does_not_name_the_destination_account_is_not_accessible()
    {
        await _f.InitializeAsync();
        KeyMetadata own = await _f.V.Keys.CreateKeyAsync(_f.Source.Caller, new CreateKeyRequest { Description = "source only" });
        await _f.V.Vaults.CreateAsync(_f.Source.Caller, new Control.Backup.Vaults.CreateBackupVaultRequest("private", own.Arn));
        await FailsAsync(await _f.BackUpAsync(_dir, vault: "private"), VaultArn(West, _f.Destination), CopyChecks.KeyNotAccessible, "AccessDenied");
    }

    [Fact]
    public async Task A_source_vault_on_the_aws_backup_managed_key_copies_across_accounts_because_Arca_types_are_fully_managed()
    {
        await _f.InitializeAsync();
        await _f.V.Vaults.CreateAsync(_f.Source.Caller, new Control.Backup.Vaults.CreateBackupVaultRequest("managed", null));
        CopyJobDetails job = await _f.CopyAsync(await _f.BackUpAsync(_dir, vault: "managed"), VaultArn(West, _f.Destination));
        Assert.Equal(("COMPLETED", _f.Destination.Keys[West]), (job.State, job.DestinationEncryptionKeyArn));
    }

    [Fact]
    public async Task A_disabled_destination_key_fails_the_copy_with_AWS_KMS_message()
    {
        await _f.InitializeAsync();
        await _f.V.Keys.DisableKeyAsync(_f.Destination.In(West), _f.Destination.Keys[West]);
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.KeyUnavailable, "AccessDenied", points: false);
    }

    [Fact]
    public async Task A_retention_outside_the_destination_vault_lock_fails_the_copy()
    {
        await _f.InitializeAsync();
        await _f.V.Locks.PutAsync(_f.Destination.In(West), "cabvault", 7, 365, null);
        RecoveryPointRecord point = await _f.BackUpAsync(_dir);
        await FailsAsync(point, VaultArn(West, _f.Destination), CopyChecks.RetentionOutOfRange, "INVALIDPARAMETERS", new Lifecycle(DeleteAfterDays: 3));
        await FailsAsync(point, VaultArn(West, _f.Destination), CopyChecks.RetentionOutOfRange, "INVALIDPARAMETERS"); // kept forever > 365 days
        Assert.Equal("COMPLETED", (await _f.CopyAsync(point, VaultArn(West, _f.Destination), new Lifecycle(DeleteAfterDays: 30))).State);
    }

    [Fact]
    public async Task A_recovery_point_in_cold_storage_cannot_be_copied()
    {
        await _f.InitializeAsync();
        RecoveryPointRecord point = await _f.BackUpAsync(_dir, new Lifecycle(MoveToColdStorageAfterDays: 1, DeleteAfterDays: 100));
        _f.Time.Advance(TimeSpan.FromDays(2));
        await _f.V.Sweeper.SweepAsync(East);
        Assert.Equal("COLD", (await _f.V.Catalog.FindAsync(East, point.RecoveryPointArn))!.StorageClass);
        await FailsAsync(point, VaultArn(West, _f.Destination), CopyChecks.ColdStorage, "INVALIDPARAMETERS");
    }

    [Fact]
    public async Task The_checks_apply_in_AWS_order_the_organization_before_the_vault_policy()
    {
        await _f.InitializeAsync(enableCrossAccount: false);
        await _f.V.Policies.DeleteAsync(_f.Destination.In(West), "cabvault");
        await _f.V.Locks.PutAsync(_f.Destination.In(West), "cabvault", 7, 365, null);
        await FailsAsync(await _f.BackUpAsync(_dir), VaultArn(West, _f.Destination), CopyChecks.CrossAccountDisabled, "INVALIDPARAMETERS");
    }

    private async Task FailsAsync(RecoveryPointRecord point, string destination, string message, string category, Lifecycle? lifecycle = null, bool points = true)
    {
        CopyJobDetails job = await _f.CopyAsync(point, destination, lifecycle);
        Assert.Equal(("FAILED", message, category), (job.State, job.StatusMessage, job.MessageCategory));
        Assert.Null(job.DestinationRecoveryPointArn);
        if (points)
        {
            Domain.Arns.Arn arn = Domain.Arns.Arn.Parse(destination);
            if (arn.ResourceId == "cabvault")
            {
                Assert.Empty(await _f.PointsAsync(arn.Region, arn.Account == _f.Source.Id ? _f.Source : _f.Destination));
            }
        }
    }
}
