namespace Arca.Control.Layouts;

/// <summary>What a change does to an item of a layout.</summary>
public enum LayoutAction
{
    Create,
    Update,
    Delete,
}
