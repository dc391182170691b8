namespace Arca.Domain.Plans;

/// <summary>
/// One problem with a backup plan document. <see cref="Message"/> is what the client sees: the field
/// path, a colon, and the problem, e.g. <c>BackupPlan.Rules[0].Lifecycle.DeleteAfterDays: Invalid
/// lifecycle. DeleteAfterDays cannot be less than 1 or more than 36500 days</c>. Immutable.
/// </summary>
/// <param name="Type">Which AWS error to return.</param>
/// <param name="Path">The field path, e.g. <c>BackupPlan.Rules[0].ScheduleExpression</c>.</param>
/// <param name="Problem">The problem without the path.</param>
public sealed record BackupPlanError(BackupPlanErrorType Type, string Path, string Problem)
{
    /// <summary>The AWS error code: <c>InvalidParameterValueException</c> or <c>MissingParameterValueException</c>.</summary>
    public string ErrorCode => Type == BackupPlanErrorType.MissingParameterValue
        ? "MissingParameterValueException"
        : "InvalidParameterValueException";

    /// <summary>"{Path}: {Problem}".</summary>
    public string Message => $"{Path}: {Problem}";

    internal static BackupPlanError Invalid(string path, string problem) => new(BackupPlanErrorType.InvalidParameterValue, path, problem);

    internal static BackupPlanError Missing(string path) => new(BackupPlanErrorType.MissingParameterValue, path, "is required");
}
