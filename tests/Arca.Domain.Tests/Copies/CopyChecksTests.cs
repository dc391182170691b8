using Arca.Domain.Copies;

namespace Arca.Domain.Tests.Copies;

public sealed class CopyChecksTests
{
    private static readonly CopyFacts Good = new()
    {
        CrossAccount = true,
        CrossRegion = true,
        CrossAccountBackupEnabled = true,
        SameOrganization = true,
        DestinationAllowsCopyInto = true,
        SourceAllowsCopyFrom = true,
        SourceKeyIsAwsManaged = false,
        DestinationKeyUsable = true,
        SourceKeyUsable = true,
        RetentionDays = 35,
        SourceInColdStorage = false,
    };

    [Fact]
    public void A_copy_that_meets_every_condition_passes() => Assert.True(CopyChecks.Evaluate(Good).Ok);

    [Fact]
    public void Cross_account_copies_need_the_organization_switch_first() =>
        Assert.Equal(CopyChecks.CrossAccountDisabled, CopyChecks.Evaluate(Good with { CrossAccountBackupEnabled = false, SameOrganization = false, DestinationAllowsCopyInto = false }).StatusMessage);

    [Fact]
    public void Cross_account_copies_need_both_accounts_in_the_same_organization() =>
        Assert.Equal(CopyChecks.NotSameOrganization, CopyChecks.Evaluate(Good with { SameOrganization = false, DestinationAllowsCopyInto = false }).StatusMessage);

    [Fact]
    public void Same_account_copies_need_neither_switch_nor_organization() =>
        Assert.True(CopyChecks.Evaluate(Good with { CrossAccount = false, CrossAccountBackupEnabled = false, SameOrganization = false }).Ok);

    [Fact]
    public void A_destination_policy_that_does_not_allow_copy_in_is_access_denied_with_its_reason()
    {
        var result = CopyChecks.Evaluate(Good with { DestinationAllowsCopyInto = false, DestinationDenialReason = "Explicitly denied by vault access policy Statement[0]" });
        Assert.Equal("Access Denied trying to call AWS Backup service: Explicitly denied by vault access policy Statement[0]", result.StatusMessage);
        Assert.Equal("AccessDenied", result.MessageCategory);
    }

    [Fact]
    public void A_source_side_deny_of_copy_from_is_access_denied() =>
        Assert.Equal("AccessDenied", CopyChecks.Evaluate(Good with { SourceAllowsCopyFrom = false }).MessageCategory);

    [Fact]
    public void An_aws_managed_source_key_blocks_cross_account_copies_only_for_types_that_are_not_fully_managed()
    {
        Assert.True(CopyChecks.Evaluate(Good with { SourceKeyIsAwsManaged = true }).Ok);
        Assert.Equal(CopyChecks.AwsManagedKey, CopyChecks.Evaluate(Good with { SourceKeyIsAwsManaged = true, ResourceTypeFullyManaged = false }).StatusMessage);
        Assert.True(CopyChecks.Evaluate(Good with { CrossAccount = false, SourceKeyIsAwsManaged = true, ResourceTypeFullyManaged = false }).Ok);
    }

    [Fact]
    public void Unusable_keys_fail_with_the_kms_messages()
    {
        Assert.Equal(CopyChecks.KeyNotAccessible, CopyChecks.Evaluate(Good with { SourceKeyUsable = false }).StatusMessage);
        Assert.Equal(CopyChecks.KeyUnavailable, CopyChecks.Evaluate(Good with { DestinationKeyUsable = false }).StatusMessage);
    }

    [Theory]
    [InlineData(35L, 7L, 100L, true)]
    [InlineData(5L, 7L, 100L, false)]
    [InlineData(101L, 7L, 100L, false)]
    [InlineData(null, 7L, 100L, false)]
    [InlineData(null, 7L, null, true)]
    [InlineData(7L, 7L, 7L, true)]
    public void The_destination_lock_range_bounds_the_copy_retention(long? days, long? min, long? max, bool ok) =>
        Assert.Equal(ok ? null : CopyChecks.RetentionOutOfRange, CopyChecks.Evaluate(Good with { RetentionDays = days, LockMinRetentionDays = min, LockMaxRetentionDays = max }).StatusMessage);

    [Fact]
    public void A_recovery_point_in_cold_storage_is_not_copied() =>
        Assert.Equal(CopyChecks.ColdStorage, CopyChecks.Evaluate(Good with { SourceInColdStorage = true }).StatusMessage);
}
