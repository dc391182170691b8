using Arca.Domain.Iam;

using static Arca.Domain.Tests.Iam.Policies;

namespace Arca.Domain.Tests.Iam;

/// <summary>Condition operators against request keys, one table per family (AWS's documented semantics).</summary>
public sealed class ConditionEvaluationTests
{
    /// <summary>Evaluates an identity statement with <paramref name="condition"/>; <paramref name="keys"/> is <c>k=v1|v2;k2=</c> (empty = key given with no values).</summary>
    internal static bool Holds(string condition, string keys)
    {
        PolicyDocument policy = IdentityStatement("Allow", "backup:CopyFromBackupVault", condition: condition);
        RequestContext context = Request(RequestPrincipal.Role(SourceRoleArn), "backup:CopyFromBackupVault") with { ConditionKeys = ParseKeys(keys) };
        return PolicyEvaluator.Evaluate(policy, context).Decision == PolicyDecision.Allow;
    }

    internal static ConditionKeys ParseKeys(string keys)
    {
        ConditionKeys result = ConditionKeys.Empty;
        foreach (string pair in keys.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string values = pair[(equals + 1)..];
            result = result.With(pair[..equals], values.Length == 0 ? [] : values.Split('|'));
        }

        return result;
    }

    [Theory]
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", "aws:PrincipalOrgID=o-a1b2c3d4e5", true)]
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", "aws:PrincipalOrgID=o-zzzzzzzzzz", false)]
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", "aws:PrincipalOrgID=O-A1B2C3D4E5", false)]
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}""", "", false)]
    [InlineData("""{"StringEquals":{"aws:PrincipalOrgID":["o-1","o-2"]}}""", "aws:PrincipalOrgID=o-2", true)]
    [InlineData("""{"StringEquals":{"AWS:PRINCIPALORGID":"o-1"}}""", "aws:PrincipalOrgID=o-1", true)]
    [InlineData("""{"StringEquals":{"test:k":"a*"}}""", "test:k=abc", false)]
    [InlineData("""{"StringEquals":{"test:k":"a*"}}""", "test:k=a*", true)]
    [InlineData("""{"StringNotEquals":{"test:k":"a"}}""", "", true)]
    [InlineData("""{"StringNotEquals":{"test:k":"a"}}""", "test:k=a", false)]
    [InlineData("""{"StringNotEquals":{"test:k":"a"}}""", "test:k=b", true)]
    [InlineData("""{"StringNotEquals":{"test:k":["a","b"]}}""", "test:k=b", false)]
    [InlineData("""{"StringNotEquals":{"test:k":["a","b"]}}""", "test:k=c", true)]
    [InlineData("""{"StringEqualsIgnoreCase":{"test:k":"Cab"}}""", "test:k=cAB", true)]
    [InlineData("""{"StringNotEqualsIgnoreCase":{"test:k":"Cab"}}""", "test:k=cAB", false)]
    [InlineData("""{"StringNotEqualsIgnoreCase":{"test:k":"Cab"}}""", "", true)]
    [InlineData("""{"StringLike":{"aws:ResourceTag/backup":"ca?"}}""", "aws:ResourceTag/backup=cab", true)]
    [InlineData("""{"StringLike":{"aws:ResourceTag/backup":"c*"}}""", "aws:ResourceTag/backup=Cab", false)]
    [InlineData("""{"StringLike":{"aws:ResourceTag/backup":"c*"}}""", "", false)]
    [InlineData("""{"StringNotLike":{"aws:ResourceTag/backup":["c*","d*"]}}""", "aws:ResourceTag/backup=dab", false)]
    [InlineData("""{"StringNotLike":{"aws:ResourceTag/backup":["c*","d*"]}}""", "aws:ResourceTag/backup=eab", true)]
    [InlineData("""{"StringNotLike":{"aws:ResourceTag/backup":"c*"}}""", "", true)]
    public void String_operators(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"StringEqualsIfExists":{"test:k":"a"}}""", "", true)]
    [InlineData("""{"StringEqualsIfExists":{"test:k":"a"}}""", "test:k=a", true)]
    [InlineData("""{"StringEqualsIfExists":{"test:k":"a"}}""", "test:k=b", false)]
    [InlineData("""{"StringNotEqualsIfExists":{"test:k":"a"}}""", "test:k=a", false)]
    [InlineData("""{"ArnLikeIfExists":{"aws:SourceArn":"arn:aws:backup:*:*:backup-vault:*"}}""", "", true)]
    [InlineData("""{"BoolIfExists":{"aws:SecureTransport":"true"}}""", "", true)]
    [InlineData("""{"BoolIfExists":{"aws:SecureTransport":"true"}}""", "aws:SecureTransport=false", false)]
    [InlineData("""{"ForAnyValue:StringEqualsIfExists":{"test:k":"a"}}""", "", true)]
    public void IfExists_makes_a_missing_key_true_and_checks_a_present_one(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"StringEquals":{"test:a":"1","test:b":"2"}}""", "test:a=1", false)]
    [InlineData("""{"StringEquals":{"test:a":"1","test:b":"2"}}""", "test:a=1;test:b=2", true)]
    [InlineData("""{"StringEquals":{"test:a":"1"},"StringLike":{"test:b":"2*"}}""", "test:a=1;test:b=3", false)]
    [InlineData("""{"StringEquals":{"test:a":"1"},"StringLike":{"test:b":"2*"}}""", "test:a=1;test:b=22", true)]
    [InlineData("""{"StringEquals":{"test:a":["1","2"]},"StringNotEquals":{"test:b":["x","y"]}}""", "test:a=2;test:b=z", true)]
    [InlineData("""{"StringEquals":{"test:a":["1","2"]},"StringNotEquals":{"test:b":["x","y"]}}""", "test:a=2;test:b=y", false)]
    public void Keys_in_an_operator_and_operators_in_a_block_are_ANDed_while_values_are_ORed(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}""", "", false)]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=", false)]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=x|b", true)]
    [InlineData("""{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=x|y", false)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""", "", true)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=", true)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=a|b", true)]
    [InlineData("""{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}""", "aws:TagKeys=a|c", false)]
    [InlineData("""{"ForAnyValue:StringNotLike":{"backup:CopyTargets":"arn:aws:backup:*:222222222222:backup-vault:*"}}""", "backup:CopyTargets=arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", false)]
    [InlineData("""{"ForAnyValue:StringNotLike":{"backup:CopyTargets":"arn:aws:backup:*:222222222222:backup-vault:*"}}""", "backup:CopyTargets=arn:aws:backup:eu-west-1:222222222222:backup-vault:a|arn:aws:backup:eu-west-1:333333333333:backup-vault:b", true)]
    [InlineData("""{"ForAnyValue:StringNotLike":{"backup:CopyTargets":"arn:aws:backup:*:222222222222:backup-vault:*"}}""", "", false)]
    [InlineData("""{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret","owner"]}}""", "aws:TagKeys=a|b", true)]
    [InlineData("""{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret","owner"]}}""", "aws:TagKeys=a|owner", false)]
    [InlineData("""{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret","owner"]}}""", "", true)]
    [InlineData("""{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}""", "aws:PrincipalOrgPaths=o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/", true)]
    [InlineData("""{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}""", "aws:PrincipalOrgPaths=o-a1b2c3d4e5/r-ab12/ou-ab12-33333333/", false)]
    public void Set_operators_follow_aws_semantics(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"StringEquals":{"aws:TagKeys":"a"}}""", "aws:TagKeys=x|a", true)]
    [InlineData("""{"StringEquals":{"aws:TagKeys":"a"}}""", "aws:TagKeys=x|y", false)]
    [InlineData("""{"StringNotEquals":{"aws:TagKeys":"a"}}""", "aws:TagKeys=x|a", false)]
    [InlineData("""{"StringNotEquals":{"aws:TagKeys":"a"}}""", "aws:TagKeys=x|y", true)]
    public void A_plain_operator_on_a_multivalued_key_matches_any_value_and_its_negation_none(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "aws:SecureTransport=true", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":true}}""", "aws:SecureTransport=TRUE", true)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"false"}}""", "aws:SecureTransport=true", false)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "aws:SecureTransport=yes", false)]
    [InlineData("""{"Bool":{"aws:SecureTransport":"true"}}""", "", false)]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":"true"}}""", "", true)]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":"true"}}""", "aws:PrincipalOrgID=", true)]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":"true"}}""", "aws:PrincipalOrgID=o-1", false)]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":false}}""", "aws:PrincipalOrgID=o-1", true)]
    [InlineData("""{"Null":{"aws:PrincipalOrgID":"false"}}""", "", false)]
    public void Bool_and_Null_operators(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"NumericLessThan":{"test:n":"35"}}""", "test:n=30", true)]
    [InlineData("""{"NumericLessThan":{"test:n":35}}""", "test:n=35", false)]
    [InlineData("""{"NumericLessThanEquals":{"test:n":35}}""", "test:n=35", true)]
    [InlineData("""{"NumericGreaterThan":{"test:n":"1.5"}}""", "test:n=2", true)]
    [InlineData("""{"NumericGreaterThanEquals":{"test:n":"2"}}""", "test:n=1.99", false)]
    [InlineData("""{"NumericEquals":{"test:n":["1","2"]}}""", "test:n=2.0", true)]
    [InlineData("""{"NumericEquals":{"test:n":"1"}}""", "test:n=one", false)]
    [InlineData("""{"NumericNotEquals":{"test:n":"1"}}""", "", true)]
    [InlineData("""{"NumericNotEquals":{"test:n":"1"}}""", "test:n=1", false)]
    [InlineData("""{"DateLessThan":{"aws:CurrentTime":"2026-12-31T00:00:00Z"}}""", "aws:CurrentTime=2026-11-26T06:00:00Z", true)]
    [InlineData("""{"DateGreaterThan":{"aws:CurrentTime":"2026-12-31T00:00:00Z"}}""", "aws:CurrentTime=2026-11-26T06:00:00Z", false)]
    [InlineData("""{"DateEquals":{"aws:CurrentTime":"1798675200"}}""", "aws:CurrentTime=2026-12-31T00:00:00Z", true)]
    [InlineData("""{"DateGreaterThanEquals":{"aws:EpochTime":"2026-12-31T00:00:00+01:00"}}""", "aws:EpochTime=1798671600", true)]
    [InlineData("""{"DateNotEquals":{"aws:CurrentTime":"2026-12-31T00:00:00Z"}}""", "", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp=10.1.2.3", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":["192.168.0.0/16","10.0.0.1"]}}""", "aws:SourceIp=10.0.0.1", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp=11.0.0.1", false)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}""", "aws:SourceIp=2001:db8::1", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.9.9.9/8"}}""", "aws:SourceIp=10.1.2.3", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}""", "aws:SourceIp=203.0.113.7", true)]
    [InlineData("""{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp=not-an-ip", false)]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp=192.168.0.1", true)]
    [InlineData("""{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""", "aws:SourceIp=10.0.0.1", false)]
    [InlineData("""{"BinaryEquals":{"test:b":"QmluYXJ5"}}""", "test:b=QmluYXJ5", true)]
    [InlineData("""{"BinaryEquals":{"test:b":"QmluYXJ5"}}""", "test:b=qmluyxj5", false)]
    public void Numeric_date_ip_and_binary_operators(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }

    [Theory]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:backup:*:222222222222:backup-vault:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", true)]
    [InlineData("""{"ArnEquals":{"aws:SourceArn":"arn:aws:backup:*:222222222222:backup-vault:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", true)]
    [InlineData("""{"ArnEquals":{"aws:SourceArn":"arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:CABVAULT", false)]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:backup:*:backup-vault:cabvault"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", false)]
    [InlineData("""{"StringLike":{"aws:SourceArn":"arn:aws:backup:*:backup-vault:cabvault"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", true)]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:backup:*:*:backup-vault:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:a:b", true)]
    [InlineData("""{"ArnLike":{"aws:SourceArn":"arn:aws:backup:*:*:backup-vault:*"}}""", "aws:SourceArn=not-an-arn", false)]
    [InlineData("""{"ArnNotLike":{"aws:SourceArn":"arn:aws:backup:*:222222222222:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:333333333333:backup-vault:x", true)]
    [InlineData("""{"ArnNotLike":{"aws:SourceArn":"arn:aws:backup:*:222222222222:*"}}""", "", true)]
    [InlineData("""{"ArnNotEquals":{"aws:SourceArn":"arn:aws:backup:*:222222222222:*"}}""", "aws:SourceArn=arn:aws:backup:eu-west-1:222222222222:backup-vault:x", false)]
    public void Arn_operators_match_each_component_on_its_own(string condition, string keys, bool holds)
    {
        Assert.Equal(holds, Holds(condition, keys));
    }
}
