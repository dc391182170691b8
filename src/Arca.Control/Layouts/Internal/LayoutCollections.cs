using Arca.Control.Metadata;

namespace Arca.Control.Layouts.Internal;

/// <summary>The layouts collection of the global store.</summary>
internal static class LayoutCollections
{
    /// <summary><c>layouts</c>: key = <c>ORG/NAME</c>; i1 = organization.</summary>
    public static readonly Collection<LayoutRecord> Layouts = new(
        "layouts", LayoutJson.Default.LayoutRecord, l => Key(l.OrganizationId, l.Name), l => new IndexFields(l.OrganizationId));

    public static string Key(string organizationId, string name) => $"{organizationId}/{name}";
}
