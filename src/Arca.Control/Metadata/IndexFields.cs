namespace Arca.Control.Metadata;

/// <summary>Up to three string fields a collection can be filtered on; their meaning belongs to the collection.</summary>
public readonly record struct IndexFields(string? I1 = null, string? I2 = null, string? I3 = null)
{
    public static IndexFields None => default;
}
