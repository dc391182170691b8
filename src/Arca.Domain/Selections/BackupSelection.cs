namespace Arca.Domain.Selections;

/// <summary>
/// AWS <c>BackupSelection</c>: which resources a backup plan protects and the role it assumes to do so.
/// Members are nullable because they mirror the wire; <see cref="BackupSelectionValidator"/> reports a
/// missing required member as MissingParameterValueException. See <see cref="SelectionMatcher"/> for what
/// the members select. Immutable; list members compare by reference.
/// </summary>
public sealed record BackupSelection
{
    /// <summary>Required. <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>.</summary>
    public string? SelectionName { get; init; }

    /// <summary>Required. The ARN of an IAM role of the plan's account, <c>arn:aws:iam::ACCOUNT:role/NAME</c>.</summary>
    public string? IamRoleArn { get; init; }

    /// <summary>Resource ARNs or ARN patterns; any one selects a resource (OR).</summary>
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>Resource ARNs or ARN patterns never selected, whatever else matches.</summary>
    public IReadOnlyList<string>? NotResources { get; init; }

    /// <summary>Tag conditions (<c>STRINGEQUALS</c> on a bare tag key); any one selects a resource (OR).</summary>
    public IReadOnlyList<TagCondition>? ListOfTags { get; init; }

    /// <summary>Conditions on <c>aws:ResourceTag/KEY</c> that every selected resource must meet (AND).</summary>
    public SelectionConditions? Conditions { get; init; }
}
