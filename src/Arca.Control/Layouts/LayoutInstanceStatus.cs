namespace Arca.Control.Layouts;

/// <summary>The state of one account × region of a layout (docs/design/layout.md §1).</summary>
public enum LayoutInstanceStatus
{
    /// <summary>Every item matches the layout.</summary>
    Current,

    /// <summary>A change is pending: a new account, drift, a changed layout.</summary>
    Outdated,

    /// <summary>A change failed or cannot be made; the instance's reason says why.</summary>
    Failed,
}
