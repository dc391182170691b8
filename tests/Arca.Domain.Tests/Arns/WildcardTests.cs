using System.Diagnostics;

using Arca.Domain.Arns;

namespace Arca.Domain.Tests.Arns;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "anything", true)]
    [InlineData("", "", true)]
    [InlineData("", "a", false)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abcd", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("a*c", "ac", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbbcd", false)]
    [InlineData("*c", "abc", true)]
    [InlineData("a*", "abc", true)]
    [InlineData("a**c", "abc", true)]
    [InlineData("*a*b*", "xxaxxbxx", true)]
    [InlineData("*a*b*", "xxbxxaxx", false)]
    [InlineData("ab*ba", "aba", false)]
    [InlineData("ab*ba", "abba", true)]
    [InlineData("a*b?d", "aXXbcd", true)]
    [InlineData("*?", "", false)]
    [InlineData("??*", "ab", true)]
    [InlineData("arn:aws:backup:*:222222222222:backup-vault:*", "arn:aws:backup:eu-west-1:222222222222:backup-vault:cabvault", true)]
    [InlineData("arn:aws:backup:*:222222222222:backup-vault:*", "arn:aws:backup:eu-west-1:333333333333:backup-vault:cabvault", false)]
    public void IsMatch_follows_iam_globbing(string pattern, string input, bool expected)
    {
        Assert.Equal(expected, Wildcard.IsMatch(pattern, input));
    }

    [Fact]
    public void IsMatch_is_case_sensitive_and_the_ignore_case_variant_is_not()
    {
        Assert.False(Wildcard.IsMatch("backup:Copy*", "BACKUP:copyintobackupvault"));
        Assert.True(Wildcard.IsMatchIgnoreCase("backup:Copy*", "BACKUP:copyintobackupvault"));
        Assert.True(Wildcard.IsMatchIgnoreCase("KMS:?ecrypt", "kms:Decrypt"));
    }

    [Fact]
    public void Hostile_patterns_match_in_linear_time()
    {
        string input = new('a', 200_000);
        var stopwatch = Stopwatch.StartNew();

        Assert.False(Wildcard.IsMatch("*a*a*a*a*a*b", input));
        Assert.False(Wildcard.IsMatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", input));
        Assert.True(Wildcard.IsMatch("*a*a*a*a*a*", input));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Literal_patterns_match_stars_and_question_marks_only_as_themselves()
    {
        Assert.True(WildcardPattern.Literal("a*b?").IsMatch("a*b?"));
        Assert.False(WildcardPattern.Literal("a*b?").IsMatch("axxbc"));
        Assert.False(WildcardPattern.Literal("a*b").HasWildcards);
    }

    [Fact]
    public void Concat_keeps_literal_parts_literal_and_wildcard_parts_wild()
    {
        WildcardPattern pattern = WildcardPattern.Concat([new WildcardPattern("home/"), WildcardPattern.Literal("a*"), new WildcardPattern("/*")]);

        Assert.True(pattern.IsMatch("home/a*/file"));
        Assert.False(pattern.IsMatch("home/ab/file"));
        Assert.True(pattern.HasWildcards);
        Assert.Equal("home/a*/*", pattern.ToString());
    }
}
