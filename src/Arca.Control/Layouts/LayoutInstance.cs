namespace Arca.Control.Layouts;

/// <summary>One account × region of a layout and its status.</summary>
public sealed record LayoutInstance(string AccountId, string AccountName, string Region, LayoutInstanceStatus Status, string? Reason);
