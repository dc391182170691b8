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
        Assert.Equal("orgs/a8fc52fc-04b4-8ae2-9e8d-5f58fb03a0c0", plan);
        Assert.Equal("b9d1c8e4-0e0a-8bbf-9e1c-7f6e2d1b7b39", OrganizationPlanIds.Rule(plan, "cabrule"));
        Assert.Equal("0c5c4e6f-4a0a-8c8f-a1d5-8e4e8a1d8b5e", OrganizationPlanIds.Selection(plan, "cabresources"));
    }
}
