using Arca.Control.Backup.Vaults;
using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Layouts;
using Arca.Control.Organizations;
using Arca.Control.Tests.Organizations;

namespace Arca.Control.Tests.Layouts;

public sealed class LayoutServiceTests : IDisposable
{
    private readonly LayoutFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task Plan_on_a_fresh_organization_creates_the_role_and_a_key_and_vault_per_account_and_region()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();

        LayoutReport plan = await _f.Layouts.PlanAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        Assert.Equal("cab", plan.LayoutName);
        Assert.Equal(t.OrganizationId, plan.OrganizationId);
        Assert.All(plan.Changes, c => Assert.Equal(LayoutAction.Create, c.Action));
        Assert.All(plan.Changes, c => Assert.Null(c.Outcome));
        foreach (string account in new[] { t.Source, t.Destination })
        {
            Assert.Single(plan.Changes, c => c.AccountId == account && c.ResourceType == LayoutResourceTypes.Role && c.Region == "global" && c.Name == "cabrole");
            foreach (string region in new[] { "us-east-1", "eu-west-1" })
            {
                Assert.Single(plan.Changes, c => c.AccountId == account && c.Region == region && c.ResourceType == LayoutResourceTypes.Key && c.Name == "alias/cabkey");
                Assert.Single(plan.Changes, c => c.AccountId == account && c.Region == region && c.ResourceType == LayoutResourceTypes.Vault && c.Name == "cabvault");
            }
        }

        Assert.Equal(10, plan.Changes.Count);
        Assert.Equal(4, plan.Instances.Count);
        Assert.All(plan.Instances, i => Assert.Equal(LayoutInstanceStatus.Outdated, i.Status));
        Assert.Contains(plan.Instances, i => i.AccountName == "SourceAccount");
        Assert.DoesNotContain(plan.Instances, i => i.AccountId == t.Management.AccountId);

        // A plan writes nothing.
        Assert.Null(await _f.Org.Roles.FindRoleAsync(t.Source, "cabrole"));
        Assert.Empty(await _f.Layouts.ListAsync(t.Management));
    }

    [Fact]
    public async Task Apply_lays_out_the_tutorial_and_a_second_apply_changes_nothing()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();

        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        Assert.Equal(10, applied.Changes.Count);
        Assert.All(applied.Changes, c => Assert.Equal(LayoutOutcome.Applied, c.Outcome));
        Assert.All(applied.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));

        // The role, as the backup service expects it.
        Role role = (await _f.Org.Roles.FindRoleAsync(t.Source, "cabrole"))!;
        Assert.Contains("backup.amazonaws.com", role.AssumeRolePolicyDocument, StringComparison.Ordinal);
        RolePolicy inline = await _f.Org.RolePolicies.GetRolePolicyAsync(t.SourceRoot, "cabrole", "AWSBackupServiceRolePolicyForBackup");
        Assert.Contains("backup:*", inline.PolicyDocument, StringComparison.Ordinal);

        // The vault in eu-west-1 of DestinationAccount: encrypted with that account's cabkey, its policy lets the organization copy in.
        CallerIdentity destination = t.DestinationRoot with { Region = "eu-west-1" };
        KeyMetadata key = await _f.Keys.DescribeKeyAsync(destination, "alias/cabkey");
        Assert.Equal($"cabvault's key in {t.Destination} eu-west-1", key.Description);
        Assert.Contains(t.OrganizationId, await _f.KeyPolicies.GetKeyPolicyAsync(destination, key.KeyId, "default"), StringComparison.Ordinal);
        BackupVaultDetails vault = await _f.Vaults.DescribeAsync(destination, "cabvault");
        Assert.Equal(key.Arn, vault.EncryptionKeyArn);
        string policy = (await _f.AccessPolicies.GetAsync(destination, "cabvault")).Policy;
        Assert.Contains("backup:CopyIntoBackupVault", policy, StringComparison.Ordinal);
        Assert.Contains(t.OrganizationId, policy, StringComparison.Ordinal);

        LayoutReport again = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        Assert.Empty(again.Changes);
        Assert.All(again.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));
        Assert.Single((await _f.Keys.ListKeysAsync(destination, null, null)).Items, k => k.Description.StartsWith("cabvault", StringComparison.Ordinal));
        LayoutSummary summary = Assert.Single(await _f.Layouts.ListAsync(t.Management));
        Assert.Equal(("cab", 4, 0, 0), (summary.LayoutName, summary.Current, summary.Outdated, summary.Failed));
    }

    [Fact]
    public async Task Drift_shows_as_outdated_and_the_next_apply_or_reconcile_repairs_it()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");
        CallerIdentity sourceEu = t.SourceRoot with { Region = "eu-west-1" };
        CallerIdentity destinationUs = t.DestinationRoot with { Region = "us-east-1" };
        await _f.Vaults.DeleteAsync(sourceEu, "cabvault");
        await _f.AccessPolicies.PutAsync(destinationUs, "cabvault",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"backup:CopyIntoBackupVault","Resource":"*"}]}""");
        await _f.Org.RolePolicies.PutRolePolicyAsync(t.SourceRoot, "cabrole", "AWSBackupServiceRolePolicyForBackup",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:ListBackupVaults","Resource":"*"}]}""");
        await _f.Org.Roles.UpdateRoleAsync(t.DestinationRoot, "cabrole", "changed by hand", maxSessionDuration: null);

        LayoutReport status = await _f.Layouts.DescribeStatusAsync(t.Management, "cab");

        Assert.Equal(4, status.Changes.Count);
        LayoutChange vault = Assert.Single(status.Changes, c => c.AccountId == t.Source && c.Region == "eu-west-1");
        Assert.Equal((LayoutAction.Create, LayoutResourceTypes.Vault), (vault.Action, vault.ResourceType));
        LayoutChange policy = Assert.Single(status.Changes, c => c.AccountId == t.Destination && c.ResourceType == LayoutResourceTypes.Vault);
        Assert.Equal((LayoutAction.Update, "access policy differs"), (policy.Action, Assert.Single(policy.Details)));
        LayoutChange role = Assert.Single(status.Changes, c => c.ResourceType == LayoutResourceTypes.Role && c.AccountId == t.Source);
        Assert.Equal("inline policy AWSBackupServiceRolePolicyForBackup differs", Assert.Single(role.Details));
        LayoutChange described = Assert.Single(status.Changes, c => c.ResourceType == LayoutResourceTypes.Role && c.AccountId == t.Destination);
        Assert.Equal((LayoutAction.Update, "description differs"), (described.Action, Assert.Single(described.Details)));
        Assert.Equal(LayoutInstanceStatus.Outdated, Instance(status, t.Destination, "eu-west-1").Status); // its role differs
        Assert.Equal(LayoutInstanceStatus.Outdated, Instance(status, t.Destination, "us-east-1").Status);
        Assert.Equal(LayoutInstanceStatus.Outdated, Instance(status, t.Source, "us-east-1").Status); // its role differs

        Assert.Equal(1, await _f.Reconciler.ReconcileAllAsync());

        Assert.Equal("cabvault", (await _f.Vaults.DescribeAsync(sourceEu, "cabvault")).BackupVaultName);
        Assert.Contains(t.OrganizationId, (await _f.AccessPolicies.GetAsync(destinationUs, "cabvault")).Policy, StringComparison.Ordinal);
        Assert.Equal("Assumed by AWS Backup", (await _f.Org.Roles.GetRoleAsync(t.DestinationRoot, "cabrole")).Description);
        LayoutReport after = await _f.Layouts.DescribeStatusAsync(t.Management, "cab");
        Assert.Empty(after.Changes);
        Assert.All(after.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));
    }

    [Fact]
    public async Task A_key_pending_deletion_makes_its_instance_failed_with_the_reason_and_the_others_current()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");
        CallerIdentity sourceUs = t.SourceRoot with { Region = "us-east-1" };
        KeyMetadata key = await _f.Keys.DescribeKeyAsync(sourceUs, "alias/cabkey");
        await _f.Keys.ScheduleKeyDeletionAsync(sourceUs, key.KeyId, 7);

        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        LayoutInstance failed = Instance(applied, t.Source, "us-east-1");
        Assert.Equal(LayoutInstanceStatus.Failed, failed.Status);
        Assert.Contains("pending deletion", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(key.KeyId, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, applied.Instances.Count(i => i.Status == LayoutInstanceStatus.Current));
        Assert.Equal(1, (await _f.Layouts.ListAsync(t.Management))[0].Failed);
    }

    [Fact]
    public async Task Destroy_refuses_a_vault_holding_recovery_points_and_deletes_everything_with_the_flag()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");
        CallerIdentity destinationEu = t.DestinationRoot with { Region = "eu-west-1" };
        await _f.BackUpAsync(destinationEu);

        LayoutReport refused = await _f.Layouts.DestroyAsync(t.Management, null, LayoutFixture.TutorialLayout(), "layout.yaml", deleteRecoveryPoints: false, dryRun: false);

        LayoutInstance failed = Instance(refused, t.Destination, "eu-west-1");
        Assert.Equal(LayoutInstanceStatus.Failed, failed.Status);
        Assert.Contains("holds 1 recovery points", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("--delete-recovery-points", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, (await _f.Vaults.DescribeAsync(destinationEu, "cabvault")).NumberOfRecoveryPoints);
        Assert.Equal(KeyState.Enabled, (await _f.Keys.DescribeKeyAsync(destinationEu, "alias/cabkey")).KeyState); // its key stays with it
        Assert.NotNull(await _f.Org.Roles.FindRoleAsync(t.Destination, "cabrole"));
        Assert.Null(await _f.Org.Roles.FindRoleAsync(t.Source, "cabrole"));
        await OrganizationFixture.FailsAsync("ResourceNotFoundException", () => _f.Vaults.DescribeAsync(t.SourceRoot with { Region = "eu-west-1" }, "cabvault"));
        Assert.Single(await _f.Layouts.ListAsync(t.Management)); // still stored: not everything is gone

        LayoutReport destroyed = await _f.Layouts.DestroyAsync(t.Management, "cab", null, null, deleteRecoveryPoints: true, dryRun: false);

        Assert.All(destroyed.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));
        Assert.All(destroyed.Changes, c => Assert.Equal((LayoutAction.Delete, LayoutOutcome.Applied), (c.Action, c.Outcome)));
        await OrganizationFixture.FailsAsync("ResourceNotFoundException", () => _f.Vaults.DescribeAsync(destinationEu, "cabvault"));
        Assert.Null(await _f.Org.Roles.FindRoleAsync(t.Destination, "cabrole"));
        KeyMetadata key = (await _f.Keys.ListKeysAsync(destinationEu, null, null)).Items.Single(k => k.Description.StartsWith("cabvault", StringComparison.Ordinal));
        Assert.Equal(KeyState.PendingDeletion, key.KeyState);
        Assert.Empty(await _f.Layouts.ListAsync(t.Management));
    }

    [Fact]
    public async Task An_account_created_in_or_moved_into_a_targeted_ou_gets_the_layout()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        string root = (await _f.Org.Organizations.ListRootsAsync(t.Management, null, null)).Items[0].Id;
        OrganizationalUnit ou = await _f.Org.Units.CreateOrganizationalUnitAsync(t.Management, root, "Backups", null);
        await _f.Org.Members.MoveAccountAsync(t.Management, t.Destination, root, ou.Id);
        _ = await _f.Reconciler.DrainAsync();
        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout($"organizationalUnits: [{ou.Id}]"), "layout.yaml");
        Assert.Equal([t.Destination, t.Destination], applied.Instances.Select(i => i.AccountId));

        // A new account lands under the root: not targeted. Moved into the OU, it gets the layout.
        (string late, CallerIdentity lateRoot) = await _f.Org.NewMemberAsync(t.Management, "LateAccount");
        Assert.Contains(late, _f.Reconciler.Pending);
        Assert.Equal(1, await _f.Reconciler.DrainAsync());
        Assert.Null(await _f.Org.Roles.FindRoleAsync(late, "cabrole"));

        await _f.Org.Members.MoveAccountAsync(t.Management, late, root, ou.Id);
        Assert.Equal(1, await _f.Reconciler.DrainAsync());

        Assert.NotNull(await _f.Org.Roles.FindRoleAsync(late, "cabrole"));
        Assert.Equal("cabvault", (await _f.Vaults.DescribeAsync(lateRoot with { Region = "eu-west-1" }, "cabvault")).BackupVaultName);
        LayoutReport status = await _f.Layouts.DescribeStatusAsync(t.Management, "cab");
        Assert.Empty(status.Changes);
        Assert.Equal(4, status.Instances.Count);
        Assert.All(status.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));
    }

    [Fact]
    public async Task An_account_created_with_the_whole_organization_targeted_gets_the_layout_at_once()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        (string late, CallerIdentity lateRoot) = await _f.Org.NewMemberAsync(t.Management, "LateAccount");
        Assert.Equal(1, await _f.Reconciler.DrainAsync());

        Assert.Equal("cabvault", (await _f.Vaults.DescribeAsync(lateRoot with { Region = "us-east-1" }, "cabvault")).BackupVaultName);
        LayoutSummary summary = Assert.Single(await _f.Layouts.ListAsync(t.Management));
        Assert.Equal(6, summary.Current);
    }

    [Fact]
    public async Task Backup_policies_of_a_layout_are_created_and_attached_by_account_name()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Org.EnableBackupPoliciesAsync(t.Management);
        string extra = """
            backupPolicies:
              - name: cabpolicy
                description: daily
                content:
                  plans:
                    cabplan:
                      regions: { "@@assign": [us-east-1] }
                      rules:
                        cabrule:
                          schedule_expression: { "@@assign": "cron(0 5 ? * * *)" }
                          target_backup_vault_name: { "@@assign": cabvault }
                          copy_actions:
                            "arn:aws:backup:eu-west-1:${Account:DestinationAccount}:backup-vault:cabvault":
                              target_backup_vault_arn: { "@@assign": "arn:aws:backup:eu-west-1:${Account:DestinationAccount}:backup-vault:cabvault" }
                      selections:
                        tags:
                          cabresources:
                            iam_role_arn: { "@@assign": "arn:aws:iam::$account:role/cabrole" }
                            tag_key: { "@@assign": backup }
                            tag_value: { "@@assign": [cab] }
                attachments: ["${Account:SourceAccount}"]
            """;

        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(extra: extra), "layout.yaml");

        LayoutChange created = Assert.Single(applied.Changes, c => c.ResourceType == LayoutResourceTypes.BackupPolicy);
        Assert.Equal((t.Management.AccountId, "global", LayoutOutcome.Applied), (created.AccountId, created.Region, created.Outcome));
        Assert.Contains($"attach to {t.Source}", created.Details);
        Assert.Equal(LayoutInstanceStatus.Current, Instance(applied, t.Management.AccountId, "global").Status);
        OrganizationPolicySummary attached = Assert.Single((await _f.Org.Attachments.ListPoliciesForTargetAsync(t.Management, t.Source, "BACKUP_POLICY", null, null)).Items);
        Assert.Equal("cabpolicy", attached.Name);
        Assert.Contains(t.Destination, (await _f.Org.Policies.DescribePolicyAsync(t.Management, attached.Id)).Content, StringComparison.Ordinal);
        Assert.Empty((await _f.Layouts.PlanAsync(t.Management, LayoutFixture.TutorialLayout(extra: extra), "layout.yaml")).Changes);

        LayoutReport destroyed = await _f.Layouts.DestroyAsync(t.Management, "cab", null, null, false, dryRun: false);
        Assert.Contains(destroyed.Changes, c => c.ResourceType == LayoutResourceTypes.BackupPolicy && c.Outcome == LayoutOutcome.Applied);
        Assert.Empty((await _f.Org.Attachments.ListPoliciesForTargetAsync(t.Management, t.Source, "BACKUP_POLICY", null, null)).Items);
    }

    [Fact]
    public async Task Only_the_management_account_may_plan_or_apply_and_a_bad_file_names_line_and_field()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();

        AwsServiceException denied = await OrganizationFixture.FailsAsync("AccessDeniedException",
            () => _f.Layouts.ApplyAsync(t.SourceRoot, LayoutFixture.TutorialLayout(), "layout.yaml"));
        Assert.Contains("ApplyLayout", denied.Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Layouts.PlanAsync(t.DestinationRoot, LayoutFixture.TutorialLayout(), "layout.yaml"));
        CallerIdentity loner = await _f.Org.NewRootAsync("loner");
        await OrganizationFixture.FailsAsync("AWSOrganizationsNotInUseException", () => _f.Layouts.PlanAsync(loner, LayoutFixture.TutorialLayout(), "layout.yaml"));

        AwsServiceException invalid = await OrganizationFixture.FailsAsync("ValidationException",
            () => _f.Layouts.PlanAsync(t.Management, LayoutFixture.TutorialLayout().Replace("[us-east-1, eu-west-1]", "[us-east-1, ap-south-1]", StringComparison.Ordinal), "my.yaml"));
        Assert.StartsWith("my.yaml:5:", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("regions[1]: \"ap-south-1\" is not a region this server serves", invalid.Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("LayoutNotFoundException", () => _f.Layouts.DescribeStatusAsync(t.Management, "nope"));
    }

    [Fact]
    public async Task A_member_without_the_access_role_is_failed_with_the_reason()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        foreach (string policy in (await _f.Org.RolePolicies.ListRolePoliciesAsync(t.SourceRoot, LayoutActors.AccessRoleName, null, null)).PolicyNames)
        {
            await _f.Org.RolePolicies.DeleteRolePolicyAsync(t.SourceRoot, LayoutActors.AccessRoleName, policy);
        }

        await _f.Org.Roles.DeleteRoleAsync(t.SourceRoot, LayoutActors.AccessRoleName);

        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, LayoutFixture.TutorialLayout(), "layout.yaml");

        LayoutInstance failed = Instance(applied, t.Source, "eu-west-1");
        Assert.Equal(LayoutInstanceStatus.Failed, failed.Status);
        Assert.Contains(LayoutActors.AccessRoleName, failed.Reason, StringComparison.Ordinal);
        Assert.Equal(LayoutInstanceStatus.Current, Instance(applied, t.Destination, "eu-west-1").Status);
    }

    [Fact]
    public async Task Dropping_a_region_or_moving_an_account_out_of_the_targets_deletes_what_the_layout_had_created_there()
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        string root = (await _f.Org.Organizations.ListRootsAsync(t.Management, null, null)).Items[0].Id;
        OrganizationalUnit ou = await _f.Org.Units.CreateOrganizationalUnitAsync(t.Management, root, "Backups", null);
        await _f.Org.Members.MoveAccountAsync(t.Management, t.Source, root, ou.Id);
        await _f.Org.Members.MoveAccountAsync(t.Management, t.Destination, root, ou.Id);
        string layout = LayoutFixture.TutorialLayout($"organizationalUnits: [{ou.Id}]");
        await _f.Layouts.ApplyAsync(t.Management, layout, "layout.yaml");

        LayoutReport usOnly = await _f.Layouts.ApplyAsync(t.Management, layout.Replace("[us-east-1, eu-west-1]", "[us-east-1]", StringComparison.Ordinal), "layout.yaml");

        Assert.Equal(4, usOnly.Changes.Count);
        Assert.All(usOnly.Changes, c => Assert.Equal(("eu-west-1", LayoutAction.Delete, LayoutOutcome.Applied), (c.Region, c.Action, c.Outcome)));
        Assert.Equal(2, usOnly.Instances.Count);
        await OrganizationFixture.FailsAsync("ResourceNotFoundException", () => _f.Vaults.DescribeAsync(t.SourceRoot with { Region = "eu-west-1" }, "cabvault"));
        Assert.Equal("cabvault", (await _f.Vaults.DescribeAsync(t.SourceRoot with { Region = "us-east-1" }, "cabvault")).BackupVaultName);

        await _f.Org.Members.MoveAccountAsync(t.Management, t.Source, ou.Id, root);
        Assert.Equal(1, await _f.Reconciler.DrainAsync());

        Assert.Null(await _f.Org.Roles.FindRoleAsync(t.Source, "cabrole"));
        await OrganizationFixture.FailsAsync("ResourceNotFoundException", () => _f.Vaults.DescribeAsync(t.SourceRoot with { Region = "us-east-1" }, "cabvault"));
        Assert.NotNull(await _f.Org.Roles.FindRoleAsync(t.Destination, "cabrole"));
        LayoutSummary summary = Assert.Single(await _f.Layouts.ListAsync(t.Management));
        Assert.Equal((1, 0), (summary.Current, summary.Failed));
    }

    [Theory]
    [InlineData("examples/cab.layout.yaml", 5)]
    [InlineData("tutorial/cab-layout.yaml", 4)]
    public async Task The_documented_examples_apply_everywhere_and_are_current(string file, int instances)
    {
        LayoutFixture.TutorialOrganization t = await _f.TutorialAsync();
        await _f.Org.EnableBackupPoliciesAsync(t.Management);
        string example = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", file));

        LayoutReport applied = await _f.Layouts.ApplyAsync(t.Management, example, Path.GetFileName(file));

        Assert.All(applied.Changes, c => Assert.True(c.Outcome == LayoutOutcome.Applied, $"{c.AccountId} {c.Region} {c.Name}: {c.Reason}"));
        Assert.Equal(instances, applied.Instances.Count);
        Assert.All(applied.Instances, i => Assert.Equal(LayoutInstanceStatus.Current, i.Status));
        Assert.Empty((await _f.Layouts.PlanAsync(t.Management, example, Path.GetFileName(file))).Changes);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arca.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Arca.slnx not found above " + AppContext.BaseDirectory);
    }

    private static LayoutInstance Instance(LayoutReport report, string account, string region) =>
        Assert.Single(report.Instances, i => i.AccountId == account && i.Region == region);
}
