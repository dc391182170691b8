namespace Arca.Storage.Format;

/// <summary>An entry a backup could not capture faithfully, with its path relative to the source.</summary>
public sealed record Problem(string Path, string Reason);
