using Arca.Control.Backup;
using Arca.Control.Identity;
using Arca.Domain.Selections;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup;

public sealed class BackupSelectionServiceTests
{
    private readonly BackupFixture _f = new();

    [Fact]
    public async Task A_selection_with_an_existing_role_is_created_read_and_listed()
    {
        (CallerIdentity root, string planId, string role) = await PlanAsync();
        var selection = new BackupSelection
        {
            SelectionName = "cabresources",
            IamRoleArn = role,
            ListOfTags = [new TagCondition("STRINGEQUALS", "backup", "cab")],
        };
        BackupSelectionDetails created = await _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(selection, "sel-1"));

        BackupSelectionDetails got = await _f.Selections.GetAsync(root, planId, created.SelectionId);
        Assert.Equal((selection.SelectionName, role, "sel-1", ControlFixture.T0), (got.BackupSelection.SelectionName, got.BackupSelection.IamRoleArn, got.CreatorRequestId, got.CreationDate));
        Assert.Equal("cab", got.BackupSelection.ListOfTags![0].ConditionValue);
        Assert.Equal(created.SelectionId, Assert.Single((await _f.Selections.ListAsync(root, planId)).Items).SelectionId);
    }

    [Fact]
    public async Task The_role_must_exist_in_the_plans_account_when_the_selection_is_created()
    {
        (CallerIdentity root, string planId, string role) = await PlanAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        string otherRole = await _f.NewBackupRoleAsync(other);

        await Throws(() => Create(root, planId, $"arn:aws:iam::{root.AccountId}:role/missing"), "InvalidParameterValueException",
            $"BackupSelection.IamRoleArn: role missing does not exist in account {root.AccountId}; create it");
        await Throws(() => Create(root, planId, otherRole), "InvalidParameterValueException",
            $"BackupSelection.IamRoleArn: role {otherRole} belongs to account {other.AccountId}");
        await Throws(() => Create(root, planId, $"arn:aws:iam::{root.AccountId}:role/ops/cabrole"), "InvalidParameterValueException",
            $"BackupSelection.IamRoleArn: role cabrole exists as {role}, not arn:aws:iam::{root.AccountId}:role/ops/cabrole");
        Assert.Empty((await _f.Selections.ListAsync(root, planId)).Items);
    }

    [Fact]
    public async Task Invalid_selections_are_refused_naming_the_field()
    {
        (CallerIdentity root, string planId, string role) = await PlanAsync();
        await Throws(() => _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(null)), "MissingParameterValueException", "BackupSelection: is required");
        await Throws(() => _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(new BackupSelection { SelectionName = "s" })),
            "MissingParameterValueException", "BackupSelection.IamRoleArn: is required");
        await Throws(() => _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(new BackupSelection { SelectionName = "s", IamRoleArn = role, Resources = ["*x"] })),
            "InvalidParameterValueException", "BackupSelection.Resources[0]");
        await Throws(() => _f.Selections.CreateAsync(root, "nope", new CreateBackupSelectionRequest(new BackupSelection { SelectionName = "s", IamRoleArn = role })),
            "ResourceNotFoundException", "Backup plan nope not found");
    }

    [Fact]
    public async Task Names_are_unique_in_a_plan_and_creator_request_ids_replay()
    {
        (CallerIdentity root, string planId, string role) = await PlanAsync();
        BackupSelectionDetails first = await Create(root, planId, role, "tok");
        Assert.Equal(first.SelectionId, (await Create(root, planId, role, "tok")).SelectionId);
        await Throws(() => Create(root, planId, role), "AlreadyExistsException", $"Backup plan {planId} already has a selection named s ({first.SelectionId})");
        await Throws(() => _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(new BackupSelection { SelectionName = "t", IamRoleArn = role }, "tok")),
            "AlreadyExistsException", "CreatorRequestId tok was already used");
    }

    [Fact]
    public async Task Selections_are_paged_deleted_and_not_found_afterwards()
    {
        (CallerIdentity root, string planId, string role) = await PlanAsync();
        for (int i = 0; i < 3; i++)
        {
            await _f.Selections.CreateAsync(root, planId, new CreateBackupSelectionRequest(new BackupSelection { SelectionName = $"s{i}", IamRoleArn = role }));
            _f.Identity.Time.Advance(TimeSpan.FromMilliseconds(2));
        }

        BackupPage<BackupSelectionDetails> first = await _f.Selections.ListAsync(root, planId, maxResults: 2);
        BackupPage<BackupSelectionDetails> second = await _f.Selections.ListAsync(root, planId, first.NextToken, 2);
        Assert.Equal(["s0", "s1", "s2"], first.Items.Concat(second.Items).Select(s => s.BackupSelection.SelectionName));
        Assert.Null(second.NextToken);

        string id = first.Items[0].SelectionId;
        await _f.Selections.DeleteAsync(root, planId, id);
        await Throws(() => _f.Selections.GetAsync(root, planId, id), "ResourceNotFoundException", $"Backup selection {id} not found in backup plan {planId}");
        await Throws(() => _f.Selections.DeleteAsync(root, planId, id), "ResourceNotFoundException", "not found");
    }

    private async Task<(CallerIdentity Root, string PlanId, string Role)> PlanAsync()
    {
        CallerIdentity root = await _f.NewRootAsync();
        string role = await _f.NewBackupRoleAsync(root);
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        return (root, plan.BackupPlanId, role);
    }

    private Task<BackupSelectionDetails> Create(CallerIdentity caller, string planId, string role, string? token = null) =>
        _f.Selections.CreateAsync(caller, planId, new CreateBackupSelectionRequest(new BackupSelection { SelectionName = "s", IamRoleArn = role }, token));
}
