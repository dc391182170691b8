namespace Arca.Storage.Verification;

/// <summary>
/// One problem found by verify: the recovery point and the file or directory it hits (when known),
/// the stored object involved, and what is wrong.
/// </summary>
public sealed record VerifyError(string? RecoveryPoint, string? Path, string? Object, string Reason)
{
    public override string ToString()
    {
        var where = RecoveryPoint is null ? string.Empty : $"recovery point {RecoveryPoint[..12]}" + (Path is null ? string.Empty : $" file {Path}") + ": ";
        return where + (Object is null ? string.Empty : Object + ": ") + Reason;
    }
}
