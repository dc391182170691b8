using System.Text.Json.Serialization;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>What became of one effective plan in one region it lists. Stored by name.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlanOutcome>))]
internal enum PlanOutcome
{
    /// <summary>Written into the region's store as an organization-managed plan.</summary>
    Materialized,

    /// <summary>The region is not served by this server: nothing written, reported.</summary>
    RegionNotServed,

    /// <summary>The effective plan cannot be a backup plan (incomplete or invalid): nothing written, the problems reported.</summary>
    Invalid,
}
