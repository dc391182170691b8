using Arca.Control.Backup;
using Arca.Control.Iam;
using Arca.Control.Identity;
using static Arca.Control.Tests.Backup.BackupFixture;

namespace Arca.Control.Tests.Backup;

public sealed class BackupTagServiceTests
{
    private readonly BackupFixture _f = new();

    [Fact]
    public async Task Plan_tags_from_creation_are_listed_merged_and_removed()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan(), new Dictionary<string, string> { ["team"] = "ops" }));

        await _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, new Dictionary<string, string> { ["team"] = "data", ["env"] = "prod" });
        Assert.Equal(new Dictionary<string, string> { ["team"] = "data", ["env"] = "prod" }, await _f.Tags.ListTagsAsync(root, plan.BackupPlanArn));
        await _f.Tags.UntagResourceAsync(root, plan.BackupPlanArn, ["team", "absent"]);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, await _f.Tags.ListTagsAsync(root, plan.BackupPlanArn));
    }

    [Fact]
    public async Task Tag_limits_and_reserved_keys_are_enforced()
    {
        CallerIdentity root = await _f.NewRootAsync();
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));
        await _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, Enumerable.Range(0, 50).ToDictionary(i => $"k{i}", i => "v"));

        Errors.AwsServiceException e = await Assert.ThrowsAsync<Errors.AwsServiceException>(
            () => _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, new Dictionary<string, string> { ["one-more"] = "v" }));
        Assert.Equal(("LimitExceededException", "Tags: a resource can have at most 50 tags; this would give it 51"), (e.Code, e.Message));
        await Throws(() => _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, new Dictionary<string, string> { ["AWS:k"] = "v" }), "InvalidParameterValueException", "uses the prefix aws:");
        await Throws(() => _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, new Dictionary<string, string> { [new string('k', 129)] = "v" }), "InvalidParameterValueException", "1 to 128");
        await Throws(() => _f.Tags.TagResourceAsync(root, plan.BackupPlanArn, null), "MissingParameterValueException", "Tags: is required");
        await Throws(() => _f.Tags.UntagResourceAsync(root, plan.BackupPlanArn, null), "MissingParameterValueException", "TagKeyList: is required");
    }

    [Fact]
    public async Task Arns_are_checked_by_kind_account_and_region()
    {
        CallerIdentity root = await _f.NewRootAsync();
        CallerIdentity other = await _f.NewRootAsync("other");
        BackupPlanDetails plan = await _f.Plans.CreateAsync(root, new CreateBackupPlanRequest(Plan()));

        await Throws(() => _f.Tags.ListTagsAsync(root, "not-an-arn"), "InvalidParameterValueException", "ResourceArn: 'not-an-arn' is not an ARN");
        await Throws(() => _f.Tags.ListTagsAsync(root, $"arn:aws:ec2:us-east-1:{root.AccountId}:volume/vol-1"), "InvalidParameterValueException", "cannot be tagged here");
        await Throws(() => _f.Tags.ListTagsAsync(root, $"arn:aws:backup:us-east-1:{root.AccountId}:backup-vault:cabvault"), "ResourceNotFoundException", "backup-vault:cabvault not found");
        await Throws(() => _f.Tags.ListTagsAsync(root, $"arn:aws:backup:us-east-1:{root.AccountId}:backup-plan:nope"), "ResourceNotFoundException", "backup-plan:nope not found");
        await Throws(() => _f.Tags.ListTagsAsync(root with { Region = "eu-west-1" }, plan.BackupPlanArn), "ResourceNotFoundException", "is in region us-east-1");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Tags.TagResourceAsync(other, plan.BackupPlanArn, new Dictionary<string, string> { ["k"] = "v" }));
        await Throws(() => _f.Tags.ListTagsAsync(root, plan.BackupPlanArn, 0), "InvalidParameterValueException", "MaxResults");
    }
}
