using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>Renders the effective tree: AWS's effective JSON form and the provenance list.</summary>
internal static class EffectiveTreeWriter
{
    /// <summary>
    /// Operators removed, scalars as strings, lists as arrays, keys in first-introduced order,
    /// empty containers omitted; the root is always an object.
    /// </summary>
    public static string ToJson(EffectiveNode root, bool indented)
    {
        var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>One entry per map key, scalar and list element, in document order.</summary>
    public static IReadOnlyList<ProvenanceEntry> Provenance(EffectiveNode root)
    {
        var entries = new List<ProvenanceEntry>();
        Collect(root, entries);
        return entries;
    }

    private static void Write(Utf8JsonWriter writer, EffectiveNode node)
    {
        switch (node.Schema.Kind)
        {
            case SchemaNodeKind.Scalar:
                writer.WriteStringValue(node.Scalar!.Value);
                break;
            case SchemaNodeKind.List:
                writer.WriteStartArray();
                foreach (var item in node.Items)
                {
                    writer.WriteStringValue(item.Value);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var child in node.Children.Where(static c => !c.IsEmpty))
                {
                    writer.WritePropertyName(child.Key);
                    Write(writer, child);
                }

                writer.WriteEndObject();
                break;
        }
    }

    private static void Collect(EffectiveNode node, List<ProvenanceEntry> entries)
    {
        if (node.IsEmpty)
        {
            return;
        }

        if (node.KeySource is { } keySource)
        {
            entries.Add(new ProvenanceEntry(node.Path, ProvenanceKind.Key, null, keySource));
        }

        if (node.Scalar is { } scalar)
        {
            entries.Add(new ProvenanceEntry(node.Path, ProvenanceKind.Value, scalar.Value, scalar.Source));
        }

        entries.AddRange(node.Items.Select(item => new ProvenanceEntry(node.Path, ProvenanceKind.Element, item.Value, item.Source)));
        foreach (var child in node.Children)
        {
            Collect(child, entries);
        }
    }
}
