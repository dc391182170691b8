using System.Collections.Immutable;

using Arca.Domain.Arns;
using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

public sealed class RequestContextTests
{
    private static string? Single(ConditionKeys keys, string key) =>
        keys.TryGetValues(key, out ImmutableArray<string> values) ? Assert.Single(values) : null;

    [Fact]
    public void A_session_knows_its_role_and_account()
    {
        RequestPrincipal session = RequestPrincipal.AssumedRole("arn:aws:iam::111111111111:role/backup/cabrole", "job-1");

        Assert.Equal(PrincipalKind.AssumedRole, session.Kind);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/cabrole/job-1", session.Arn);
        Assert.Equal("arn:aws:iam::111111111111:role/backup/cabrole", session.RoleArn);
        Assert.Equal(Source, session.AccountId);
        Assert.Equal(session.RoleArn, session.PrincipalArn);
    }

    [Fact]
    public void Principal_factories_validate_their_inputs()
    {
        Assert.Throws<ArgumentException>(() => RequestPrincipal.AccountRoot("12"));
        Assert.Throws<ArgumentException>(() => RequestPrincipal.Role("arn:aws:iam::111111111111:root"));
        Assert.Throws<ArgumentException>(() => RequestPrincipal.Role("cabrole"));
        Assert.Throws<ArgumentException>(() => RequestPrincipal.AssumedRole(SourceRoleArn, ""));
        Assert.Throws<ArgumentException>(() => RequestPrincipal.Service(" "));
    }

    [Fact]
    public void Request_context_validates_action_and_resource_account()
    {
        RequestPrincipal root = RequestPrincipal.AccountRoot(Source);

        Assert.Throws<ArgumentException>(() => new RequestContext(root, "CopyIntoBackupVault"));
        Assert.Throws<ArgumentException>(() => new RequestContext(root, "backup:"));
        Assert.Throws<ArgumentException>(() => new RequestContext(root, "backup:X", null, "acct"));
    }

    [Fact]
    public void Effective_keys_derive_principal_and_resource_account()
    {
        RequestContext context = Request(RequestPrincipal.AssumedRole(SourceRoleArn, "s1"), "backup:CopyIntoBackupVault", VaultArn(Destination), Destination);

        ConditionKeys keys = context.EffectiveConditionKeys();

        Assert.Equal(SourceRoleArn, Single(keys, "aws:PrincipalArn"));
        Assert.Equal(Source, Single(keys, "aws:principalaccount"));
        Assert.Equal(Destination, Single(keys, ConditionKeyNames.ResourceAccount));
        Assert.Equal("false", Single(keys, ConditionKeyNames.PrincipalIsAwsService));
        Assert.Null(Single(keys, ConditionKeyNames.KmsCallerAccount));
        Assert.True(context.IsCrossAccount);
    }

    [Fact]
    public void Derived_keys_override_caller_supplied_ones()
    {
        RequestContext context = Request(RequestPrincipal.AccountRoot(Source), "kms:Decrypt") with
        {
            ConditionKeys = ConditionKeys.Empty.With("aws:PrincipalAccount", Outsider).With(ConditionKeyNames.PrincipalOrgId, OrgId),
        };

        ConditionKeys keys = context.EffectiveConditionKeys();

        Assert.Equal(Source, Single(keys, "aws:PrincipalAccount"));
        Assert.Equal(Arn.AccountRoot(Source).ToString(), Single(keys, "aws:PrincipalArn"));
        Assert.Equal(Source, Single(keys, "kms:CallerAccount"));
        Assert.Equal(Source, Single(keys, "aws:ResourceAccount"));
        Assert.Equal(OrgId, Single(keys, "aws:PrincipalOrgID"));
        Assert.False(context.IsCrossAccount);
    }

    [Fact]
    public void Services_have_no_account_keys()
    {
        ConditionKeys keys = Request(RequestPrincipal.Service("backup.amazonaws.com"), "sts:AssumeRole").EffectiveConditionKeys();

        Assert.Null(Single(keys, "aws:PrincipalAccount"));
        Assert.Null(Single(keys, "aws:PrincipalArn"));
        Assert.Equal("true", Single(keys, "aws:PrincipalIsAWSService"));
        Assert.Equal("backup.amazonaws.com", Single(keys, "aws:PrincipalServiceName"));
    }

    [Fact]
    public void Condition_keys_are_case_insensitive_immutable_and_empty_means_missing()
    {
        ConditionKeys original = ConditionKeys.Empty.With("aws:ResourceTag/backup", "cab");
        ConditionKeys changed = original.With("AWS:RESOURCETAG/BACKUP", "other").With("test:empty", []);

        Assert.Equal("cab", Single(original, "aws:resourcetag/backup"));
        Assert.Equal("other", Single(changed, "aws:ResourceTag/backup"));
        Assert.False(changed.TryGetValues("test:empty", out _));
        Assert.Single(changed.Keys);
        Assert.Throws<ArgumentException>(() => original.With("test:k", [null!]));
    }
}
