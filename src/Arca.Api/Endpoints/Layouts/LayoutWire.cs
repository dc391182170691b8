namespace Arca.Api.Endpoints.Layouts;

/// <summary><c>ArcaLayouts.PlanLayout</c> and <c>ArcaLayouts.ApplyLayout</c>'s input: the layout file's text and the name its errors give it.</summary>
internal sealed record LayoutInput(string? Layout, string? FileName);

/// <summary><c>ArcaLayouts.DescribeLayoutStatus</c>'s input.</summary>
internal sealed record LayoutNameInput(string? LayoutName);

/// <summary><c>ArcaLayouts.ListLayouts</c>'s input (nothing).</summary>
internal sealed record ListLayoutsInput;

/// <summary><c>ArcaLayouts.DestroyLayout</c>'s input: a stored layout by name, or the file (its items are removed too when they exist).</summary>
internal sealed record DestroyLayoutInput(string? LayoutName, string? Layout, string? FileName, bool? DeleteRecoveryPoints, bool? DryRun);

/// <summary>One change: CREATE, UPDATE or DELETE of an item, and with apply or destroy its outcome.</summary>
internal sealed record LayoutChangeWire(
    string AccountId, string Region, string ResourceType, string Name, string Action, IReadOnlyList<string> Details, string? Outcome, string? Reason);

/// <summary>One account × region: CURRENT, OUTDATED or FAILED with the reason.</summary>
internal sealed record LayoutInstanceWire(string AccountId, string AccountName, string Region, string Status, string? Reason);

/// <summary>The output of PlanLayout, ApplyLayout, DescribeLayoutStatus and DestroyLayout.</summary>
internal sealed record LayoutReportOutput(
    string LayoutName, string OrganizationId, double? AppliedAt, IReadOnlyList<LayoutChangeWire> Changes, IReadOnlyList<LayoutInstanceWire> Instances);

/// <summary>A stored layout in ListLayouts.</summary>
internal sealed record LayoutSummaryWire(string LayoutName, double AppliedAt, double? CheckedAt, int Current, int Outdated, int Failed);

/// <summary><c>ArcaLayouts.ListLayouts</c>'s output.</summary>
internal sealed record ListLayoutsOutput(IReadOnlyList<LayoutSummaryWire> Layouts);
