using Arca.Control.Backup.OrganizationPlans.Internal;

namespace Arca.Control.Tests.Backup.OrganizationPlans;

/// <summary>Name-based ids of organization-managed plans, rules and selections: stable, AWS-shaped, persisted.</summary>
public sealed class OrganizationPlanIdsTests
{
    [Fact]
    public void A_plan_id_is_orgs_and_a_version_8_uuid_that_depends_on_the_organization_and_the_lower_cased_plan_key()
    {
        string id = OrganizationPlanIds.Plan("o-abcdefghij", "CabPlan");

        Assert.Matches("^orgs/[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
        Assert.Equal(id, OrganizationPlanIds.Plan("o-abcdefghij", "cabplan"));
        Assert.NotEqual(id, OrganizationPlanIds.Plan("o-bbcdefghij", "cabplan"));
        Assert.True(OrganizationPlanIds.IsOrganizationPlan(id));
        Assert.False(OrganizationPlanIds.IsOrganizationPlan(Guid.CreateVersion7().ToString()));
    }

    [Fact]
    public void The_derivation_never_changes()
    {
        // Persisted in every plan, rule and selection id: a change would orphan existing plans and the scheduler's marks.
        string plan = OrganizationPlanIds.Plan("o-abcdefghij", "cabplan");
        Assert.Equal("orgs/d833825e-6eba-8cd3-82c3-16095289372a", plan);
        Assert.Equal("cea722a1-42dd-8a19-8af2-acedefb7d240", OrganizationPlanIds.Rule(plan, "cabrule"));
        Assert.Equal("dafe10c5-1be7-8539-8832-5e6d82cdaad9", OrganizationPlanIds.Selection(plan, "cabresources"));
    }
}
