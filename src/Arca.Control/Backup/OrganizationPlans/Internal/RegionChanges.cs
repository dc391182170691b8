namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>What one region's write did: plans created (or revived), given a new version, left as they were, deleted.</summary>
internal sealed record RegionChanges(int Created, int Versioned, int Unchanged, int Deleted);
