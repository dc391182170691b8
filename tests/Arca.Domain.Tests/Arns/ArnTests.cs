using Arca.Domain.Arns;

namespace Arca.Domain.Tests.Arns;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:iam::111122223333:role/cabrole")]
    [InlineData("arn:aws:iam::111122223333:role/service-role/path/cabrole")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/cabrole/session-1")]
    [InlineData("arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws:s3:::bucket/with:colons/and/slashes")]
    [InlineData("arn:aws:arca:us-east-1:111122223333:directory/home")]
    public void Parse_then_ToString_round_trips(string text)
    {
        Assert.Equal(text, Arn.Parse(text).ToString());
    }

    [Fact]
    public void Parse_splits_the_six_components_and_keeps_colons_in_the_resource()
    {
        var arn = Arn.Parse("arn:aws:backup:eu-west-1:222222222222:backup-vault:cab:vault");

        Assert.Equal("aws", arn.Partition);
        Assert.Equal("backup", arn.Service);
        Assert.Equal("eu-west-1", arn.Region);
        Assert.Equal("222222222222", arn.Account);
        Assert.Equal("backup-vault:cab:vault", arn.Resource);
        Assert.Equal("backup-vault", arn.ResourceType);
        Assert.Equal("cab:vault", arn.ResourceId);
    }

    [Theory]
    [InlineData(null, "ARN is null")]
    [InlineData("", "'' is not an ARN: it must start with 'arn:'")]
    [InlineData("aws:iam::111122223333:root", "'aws:iam::111122223333:root' is not an ARN: it must start with 'arn:'")]
    [InlineData("arn:aws:iam::111122223333", "'arn:aws:iam::111122223333' is not an ARN: it must have the form arn:partition:service:region:account:resource")]
    [InlineData("arn::iam::111122223333:root", "'arn::iam::111122223333:root' is not an ARN: the partition must be non-empty lower-case letters, digits or '-'")]
    [InlineData("arn:aws:::111122223333:root", "'arn:aws:::111122223333:root' is not an ARN: the service must be non-empty lower-case letters, digits or '-'")]
    [InlineData("arn:aws:backup:EU_WEST:111122223333:backup-vault:v", "'arn:aws:backup:EU_WEST:111122223333:backup-vault:v' is not an ARN: the region must be empty or lower-case letters, digits or '-'")]
    [InlineData("arn:aws:iam::11112222333:root", "'arn:aws:iam::11112222333:root' is not an ARN: the account must be empty or a 12-digit account id")]
    [InlineData("arn:aws:iam::1111222233334:root", "'arn:aws:iam::1111222233334:root' is not an ARN: the account must be empty or a 12-digit account id")]
    [InlineData("arn:aws:iam::11112222333x:root", "'arn:aws:iam::11112222333x:root' is not an ARN: the account must be empty or a 12-digit account id")]
    [InlineData("arn:aws:iam::111122223333:", "'arn:aws:iam::111122223333:' is not an ARN: the resource must not be empty")]
    public void TryParse_rejects_malformed_text_with_a_reason(string? text, string reason)
    {
        Assert.False(Arn.TryParse(text, out Arn? arn, out string? actual));
        Assert.Null(arn);
        Assert.Equal(reason, actual);
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_reason()
    {
        var ex = Assert.Throws<FormatException>(() => Arn.Parse("nope"));
        Assert.Equal("'nope' is not an ARN: it must start with 'arn:'", ex.Message);
    }

    [Theory]
    [InlineData("111122223333", true)]
    [InlineData("000000000000", true)]
    [InlineData("11112222333", false)]
    [InlineData("1111222233334", false)]
    [InlineData("11112222333a", false)]
    [InlineData("１１１１２２２２３３３３", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AccountId_is_exactly_twelve_ascii_digits(string? value, bool valid)
    {
        Assert.Equal(valid, AccountId.IsValid(value));
    }

    [Fact]
    public void Arns_compare_by_value_and_case_sensitively()
    {
        Assert.Equal(Arn.Parse("arn:aws:iam::111122223333:role/R"), Arn.Role("111122223333", "R"));
        Assert.NotEqual(Arn.Parse("arn:aws:iam::111122223333:role/R"), Arn.Parse("arn:aws:iam::111122223333:role/r"));
    }

    [Fact]
    public void Constructor_validates_components()
    {
        Assert.Throws<ArgumentException>(() => new Arn("aws", "iam", "", "12", "root"));
        Assert.Throws<ArgumentException>(() => new Arn("aws", "iam", "", "111122223333", ""));
    }
}
