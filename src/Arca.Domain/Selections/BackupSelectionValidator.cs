using Arca.Domain.Arns;
using Arca.Domain.Plans;

namespace Arca.Domain.Selections;

/// <summary>
/// Validates a <see cref="BackupSelection"/> the way CreateBackupSelection does. Pure and thread-safe. Problems
/// are <see cref="BackupPlanError"/>s whose paths start at <c>BackupSelection</c>.
/// </summary>
/// <remarks>
/// Checks, in document order:
/// <list type="bullet">
/// <item>SelectionName present, <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>; IamRoleArn present and an IAM role ARN.</item>
/// <item>Resources and NotResources: at most 500 entries, at most 30 when any has a wildcard; each a
/// <see cref="ResourcePattern"/>.</item>
/// <item>ListOfTags: at most 30; ConditionType <c>STRINGEQUALS</c>; ConditionKey 1–128 characters;
/// ConditionValue at most 256.</item>
/// <item>Conditions: at most 30 parameters in all; keys <c>aws:ResourceTag/KEY</c> with KEY 1–128 characters;
/// values at most 256.</item>
/// </list>
/// That the role exists and belongs to the plan's account needs the control plane and is checked there.
/// </remarks>
public static class BackupSelectionValidator
{
    /// <summary>The root of every field path.</summary>
    public const string RootPath = "BackupSelection";

    /// <summary>Most entries in Resources or NotResources.</summary>
    public const int MaxResources = 500;

    /// <summary>Most entries in Resources or NotResources when one of them has a wildcard.</summary>
    public const int MaxResourcesWithWildcards = 30;

    /// <summary>Most entries of ListOfTags, and most parameters of Conditions in all.</summary>
    public const int MaxConditions = 30;

    /// <summary>Longest tag key.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>Longest tag value.</summary>
    public const int MaxTagValueLength = 256;

    /// <summary>The first problem in document order, or null when the selection is valid.</summary>
    public static BackupPlanError? Validate(BackupSelection selection)
    {
        IReadOnlyList<BackupPlanError> errors = ValidateAll(selection);
        return errors.Count == 0 ? null : errors[0];
    }

    /// <summary>Every problem, in document order.</summary>
    public static IReadOnlyList<BackupPlanError> ValidateAll(BackupSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var errors = new List<BackupPlanError>();
        BackupPlanValidator.CheckName(
            selection.SelectionName, $"{RootPath}.SelectionName", PlanPatterns.Name(), "must contain 1 to 50 alphanumeric or '-_.' characters", errors);
        CheckRole(selection.IamRoleArn, errors);
        CheckResources(selection.Resources, $"{RootPath}.Resources", errors);
        CheckResources(selection.NotResources, $"{RootPath}.NotResources", errors);
        CheckListOfTags(selection.ListOfTags, errors);
        CheckConditions(selection.Conditions, errors);
        return errors;
    }

    private static void CheckRole(string? arn, List<BackupPlanError> errors)
    {
        string path = $"{RootPath}.IamRoleArn";
        if (arn is null)
        {
            errors.Add(BackupPlanError.Missing(path));
        }
        else if (!Arn.TryParse(arn, out Arn? parsed, out _) || parsed.Kind != ArnKind.Role)
        {
            errors.Add(BackupPlanError.Invalid(path, $"{PlanPatterns.Quote(arn)} must be an IAM role ARN, arn:aws:iam::ACCOUNT:role/NAME"));
        }
    }

    private static void CheckResources(IReadOnlyList<string>? entries, string path, List<BackupPlanError> errors)
    {
        if (entries is null)
        {
            return;
        }

        bool wildcards = entries.Any(e => e?.Contains('*', StringComparison.Ordinal) == true);
        int limit = wildcards ? MaxResourcesWithWildcards : MaxResources;
        if (entries.Count > limit)
        {
            errors.Add(BackupPlanError.Invalid(path, wildcards
                ? $"has {entries.Count} entries; at most {MaxResourcesWithWildcards} are allowed when any has a wildcard"
                : $"has {entries.Count} entries; at most {MaxResources} are allowed"));
        }

        for (int i = 0; i < entries.Count; i++)
        {
            if (!ResourcePattern.TryParse(entries[i], out _, out string? problem))
            {
                string shown = entries[i] is null ? "null" : PlanPatterns.Quote(entries[i]);
                errors.Add(BackupPlanError.Invalid($"{path}[{i}]", $"{shown} {problem}"));
            }
        }
    }

    private static void CheckListOfTags(IReadOnlyList<TagCondition>? tags, List<BackupPlanError> errors)
    {
        string path = $"{RootPath}.ListOfTags";
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxConditions)
        {
            errors.Add(BackupPlanError.Invalid(path, $"has {tags.Count} conditions; at most {MaxConditions} are allowed"));
        }

        for (int i = 0; i < tags.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            if (tags[i] is not TagCondition tag)
            {
                errors.Add(BackupPlanError.Invalid(itemPath, "must be a condition, not null"));
                continue;
            }

            if (tag.ConditionType is null)
            {
                errors.Add(BackupPlanError.Missing($"{itemPath}.ConditionType"));
            }
            else if (tag.ConditionType != TagCondition.StringEquals)
            {
                errors.Add(BackupPlanError.Invalid($"{itemPath}.ConditionType", $"{PlanPatterns.Quote(tag.ConditionType)} must be STRINGEQUALS"));
            }

            CheckTagKey(tag.ConditionKey, $"{itemPath}.ConditionKey", errors);
            CheckValue(tag.ConditionValue, $"{itemPath}.ConditionValue", errors);
        }
    }

    private static void CheckConditions(SelectionConditions? conditions, List<BackupPlanError> errors)
    {
        string path = $"{RootPath}.Conditions";
        if (conditions is null)
        {
            return;
        }

        if (conditions.Count > MaxConditions)
        {
            errors.Add(BackupPlanError.Invalid(path, $"has {conditions.Count} conditions; at most {MaxConditions} are allowed"));
        }

        CheckParameters(conditions.StringEquals, $"{path}.StringEquals", errors);
        CheckParameters(conditions.StringNotEquals, $"{path}.StringNotEquals", errors);
        CheckParameters(conditions.StringLike, $"{path}.StringLike", errors);
        CheckParameters(conditions.StringNotLike, $"{path}.StringNotLike", errors);
    }

    private static void CheckParameters(IReadOnlyList<ConditionParameter>? parameters, string path, List<BackupPlanError> errors)
    {
        for (int i = 0; i < (parameters?.Count ?? 0); i++)
        {
            string itemPath = $"{path}[{i}]";
            if (parameters![i] is not ConditionParameter parameter)
            {
                errors.Add(BackupPlanError.Invalid(itemPath, "must be a condition parameter, not null"));
                continue;
            }

            string keyPath = $"{itemPath}.ConditionKey";
            if (parameter.ConditionKey is null)
            {
                errors.Add(BackupPlanError.Missing(keyPath));
            }
            else if (!parameter.ConditionKey.StartsWith(ConditionParameter.ResourceTagPrefix, StringComparison.Ordinal))
            {
                errors.Add(BackupPlanError.Invalid(keyPath, $"{PlanPatterns.Quote(parameter.ConditionKey)} must be aws:ResourceTag/ followed by a tag key"));
            }
            else
            {
                CheckTagKey(parameter.ConditionKey[ConditionParameter.ResourceTagPrefix.Length..], keyPath, errors);
            }

            CheckValue(parameter.ConditionValue, $"{itemPath}.ConditionValue", errors);
        }
    }

    private static void CheckTagKey(string? key, string path, List<BackupPlanError> errors)
    {
        if (key is null)
        {
            errors.Add(BackupPlanError.Missing(path));
        }
        else if (key.Length is 0 or > MaxTagKeyLength)
        {
            errors.Add(BackupPlanError.Invalid(path, $"the tag key must have 1 to {MaxTagKeyLength} characters"));
        }
    }

    private static void CheckValue(string? value, string path, List<BackupPlanError> errors)
    {
        if (value is null)
        {
            errors.Add(BackupPlanError.Missing(path));
        }
        else if (value.Length > MaxTagValueLength)
        {
            errors.Add(BackupPlanError.Invalid(path, $"must have at most {MaxTagValueLength} characters"));
        }
    }
}
