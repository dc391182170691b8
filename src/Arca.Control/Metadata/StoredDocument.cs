namespace Arca.Control.Metadata;

/// <summary>A stored document: its key, JSON, version and index fields.</summary>
public sealed record StoredDocument(string Key, string Json, long Version, IndexFields Index);
