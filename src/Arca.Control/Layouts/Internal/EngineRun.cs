namespace Arca.Control.Layouts.Internal;

/// <summary>What one run of the engine gave: the changes, every instance's status, and the items deployed afterwards.</summary>
internal sealed record EngineRun(IReadOnlyList<LayoutChange> Changes, IReadOnlyList<LayoutInstance> Instances, IReadOnlyList<DeployedItem> Deployed);
