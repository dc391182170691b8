namespace Arca.Domain.Plans;

/// <summary>The AWS error a plan problem is reported as (HTTP 400 for both).</summary>
public enum BackupPlanErrorType
{
    /// <summary><c>InvalidParameterValueException</c>: a value is present but wrong.</summary>
    InvalidParameterValue,

    /// <summary><c>MissingParameterValueException</c>: a required member is absent.</summary>
    MissingParameterValue,
}
