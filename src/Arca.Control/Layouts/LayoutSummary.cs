namespace Arca.Control.Layouts;

/// <summary>A stored layout as ListLayouts shows it: the counts of its instances at the last check.</summary>
public sealed record LayoutSummary(string LayoutName, DateTimeOffset AppliedAt, DateTimeOffset? CheckedAt, int Current, int Outdated, int Failed);
