namespace Arca.Control.Organizations;

/// <summary>The state of a CreateAccount request.</summary>
public enum CreateAccountState
{
    /// <summary><c>IN_PROGRESS</c>: seen only when a creation was interrupted (Arca completes requests synchronously).</summary>
    InProgress,

    /// <summary><c>SUCCEEDED</c>.</summary>
    Succeeded,

    /// <summary><c>FAILED</c>, with a failure reason.</summary>
    Failed,
}
