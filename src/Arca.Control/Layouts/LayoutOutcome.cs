namespace Arca.Control.Layouts;

/// <summary>What became of a change during ApplyLayout or DestroyLayout.</summary>
public enum LayoutOutcome
{
    Applied,
    Failed,

    /// <summary>Not tried: an earlier change of the same instance failed.</summary>
    Skipped,
}
