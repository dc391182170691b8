using Arca.Domain.Iam;

namespace Arca.Domain.Tests.Iam;

public sealed class ConditionOperatorTests
{
    [Theory]
    [InlineData("StringEquals", ConditionOperatorKind.StringEquals, SetQualifier.None, false, "StringEquals")]
    [InlineData("stringequals", ConditionOperatorKind.StringEquals, SetQualifier.None, false, "StringEquals")]
    [InlineData("StringNotEqualsIfExists", ConditionOperatorKind.StringNotEquals, SetQualifier.None, true, "StringNotEqualsIfExists")]
    [InlineData("ForAnyValue:StringNotLike", ConditionOperatorKind.StringNotLike, SetQualifier.ForAnyValue, false, "ForAnyValue:StringNotLike")]
    [InlineData("forallvalues:stringlikeifexists", ConditionOperatorKind.StringLike, SetQualifier.ForAllValues, true, "ForAllValues:StringLikeIfExists")]
    [InlineData("ArnLike", ConditionOperatorKind.ArnLike, SetQualifier.None, false, "ArnLike")]
    [InlineData("NotIpAddress", ConditionOperatorKind.NotIpAddress, SetQualifier.None, false, "NotIpAddress")]
    [InlineData("Null", ConditionOperatorKind.Null, SetQualifier.None, false, "Null")]
    [InlineData("BoolIfExists", ConditionOperatorKind.Bool, SetQualifier.None, true, "BoolIfExists")]
    public void Operator_names_parse_case_insensitively_to_a_canonical_name(string text, ConditionOperatorKind kind, SetQualifier qualifier, bool ifExists, string name)
    {
        Assert.True(ConditionOperator.TryParse(text, out ConditionOperator? op));
        Assert.Equal(kind, op.Kind);
        Assert.Equal(qualifier, op.Qualifier);
        Assert.Equal(ifExists, op.IfExists);
        Assert.Equal(name, op.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("IfExists")]
    [InlineData("StringEqual")]
    [InlineData("3")]
    [InlineData("StringEquals,Bool")]
    [InlineData("ForSomeValues:StringEquals")]
    [InlineData("ForAnyValue:")]
    [InlineData("NullIfExists")]
    [InlineData("ForAllValues:Null")]
    public void Unknown_operators_are_rejected(string text)
    {
        Assert.False(ConditionOperator.TryParse(text, out _));
    }

    [Theory]
    [InlineData("StringNotEquals", true)]
    [InlineData("StringNotEqualsIgnoreCase", true)]
    [InlineData("StringNotLike", true)]
    [InlineData("NumericNotEquals", true)]
    [InlineData("DateNotEquals", true)]
    [InlineData("NotIpAddress", true)]
    [InlineData("ArnNotEquals", true)]
    [InlineData("ArnNotLike", true)]
    [InlineData("StringEquals", false)]
    [InlineData("StringLike", false)]
    [InlineData("NumericLessThan", false)]
    [InlineData("Bool", false)]
    [InlineData("Null", false)]
    public void Negated_operators_are_the_Not_ones(string text, bool negated)
    {
        Assert.True(ConditionOperator.TryParse(text, out ConditionOperator? op));
        Assert.Equal(negated, op.IsNegated);
    }
}
