namespace Arca.Domain.Scheduling;

/// <summary>
/// Converts job state enums to and from their AWS wire names (<c>CREATED</c>, <c>RUNNING</c>, …).
/// Every state in <see cref="BackupJobState"/>, <see cref="CopyJobState"/> and
/// <see cref="RestoreJobStatus"/> is one word, so the wire name is the upper-cased member name.
/// </summary>
public static class JobStateNames
{
    /// <summary>The wire name, e.g. <c>Expired</c> → <c>EXPIRED</c>.</summary>
    public static string ToWire<TState>(TState state)
        where TState : struct, Enum
    {
        return state.ToString().ToUpperInvariant();
    }

    /// <summary>
    /// Parses a wire name. Only the exact upper-case names are accepted: "running", "Running" and
    /// numeric strings such as "2" are refused, as AWS enums are case-sensitive.
    /// </summary>
    public static bool TryParse<TState>(string? wire, out TState state)
        where TState : struct, Enum
    {
        state = default;
        return !string.IsNullOrEmpty(wire) && wire.All(char.IsAsciiLetterUpper)
            && Enum.TryParse(wire, ignoreCase: true, out state);
    }
}
