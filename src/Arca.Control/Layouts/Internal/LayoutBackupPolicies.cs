using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts.Internal;

/// <summary>Brings a backup policy of a layout into the organization (as the management account), attached to exactly its targets; or removes it.</summary>
internal sealed class LayoutBackupPolicies(PolicyService policies, PolicyAttachmentService attachments)
{
    public async Task<ItemResult> ReconcileAsync(CallerIdentity management, LayoutBackupPolicy policy, LayoutContext context, bool apply, CancellationToken cancellationToken)
    {
        string content;
        List<string> targets;
        try
        {
            content = context.Render(policy.Content, null, null, json: true);
            targets = [.. policy.Attachments.Select(t => context.Render(t, null, null, json: false)).Select(t => t == "root" ? context.RootId : t).Distinct()];
        }
        catch (KeyNotFoundException e)
        {
            return Items.Failed($"backup policy {policy.Name}: {e.Message}");
        }

        OrganizationPolicy? current;
        var details = new List<string>();
        List<string> attach = [], detach = [];
        try
        {
            current = await FindAsync(management, policy.Name, cancellationToken).ConfigureAwait(false);
            if (current is not null)
            {
                if (!PolicyText.Same(current.Content, content))
                {
                    details.Add("content differs");
                }

                if ((current.Summary.Description ?? string.Empty) != (policy.Description ?? string.Empty))
                {
                    details.Add("description differs");
                }

                IReadOnlyList<string> attached = await TargetsAsync(management, current.Summary.Id, cancellationToken).ConfigureAwait(false);
                attach = [.. targets.Except(attached)];
                detach = [.. attached.Except(targets)];
            }
            else
            {
                attach = targets;
            }

            details.AddRange(attach.Select(t => $"attach to {t}"));
            details.AddRange(detach.Select(t => $"detach from {t}"));
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"backup policy {policy.Name}: {PolicyText.Reason(e)}");
        }

        if (current is not null && details.Count == 0)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(context.ManagementAccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.BackupPolicy, policy.Name,
            current is null ? LayoutAction.Create : LayoutAction.Update, current is null ? ["policy missing", .. details] : details);
        return await Items.RunAsync(change, apply, async () =>
        {
            string id;
            if (current is null)
            {
                id = (await policies.CreatePolicyAsync(management, new CreatePolicyRequest
                {
                    Name = policy.Name,
                    Description = policy.Description ?? string.Empty,
                    Content = content,
                    Type = OrganizationPolicyTypes.BackupPolicy,
                }, cancellationToken).ConfigureAwait(false)).Summary.Id;
            }
            else
            {
                id = current.Summary.Id;
                if (details.Contains("content differs") || details.Contains("description differs"))
                {
                    await policies.UpdatePolicyAsync(management, new UpdatePolicyRequest
                    {
                        PolicyId = id,
                        Content = content,
                        Description = policy.Description ?? string.Empty,
                    }, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach (string target in detach)
            {
                await attachments.DetachPolicyAsync(management, id, target, cancellationToken).ConfigureAwait(false);
            }

            foreach (string target in attach)
            {
                await attachments.AttachPolicyAsync(management, id, target, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>Detaches the policy from every target and deletes it.</summary>
    public async Task<ItemResult> DeleteAsync(CallerIdentity management, string name, bool apply, CancellationToken cancellationToken)
    {
        OrganizationPolicy? current;
        IReadOnlyList<string> attached;
        try
        {
            current = await FindAsync(management, name, cancellationToken).ConfigureAwait(false);
            attached = current is null ? [] : await TargetsAsync(management, current.Summary.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"backup policy {name}: {PolicyText.Reason(e)}");
        }

        if (current is null)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(management.AccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.BackupPolicy, name, LayoutAction.Delete,
            [.. attached.Select(t => $"detach from {t}"), "delete policy"]);
        return await Items.RunAsync(change, apply, async () =>
        {
            foreach (string target in attached)
            {
                await attachments.DetachPolicyAsync(management, current.Summary.Id, target, cancellationToken).ConfigureAwait(false);
            }

            await policies.DeletePolicyAsync(management, current.Summary.Id, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<OrganizationPolicy?> FindAsync(CallerIdentity management, string name, CancellationToken cancellationToken)
    {
        string? next = null;
        do
        {
            OrganizationPage<OrganizationPolicySummary> page = await policies.ListPoliciesAsync(
                management, OrganizationPolicyTypes.BackupPolicy, next, 20, cancellationToken).ConfigureAwait(false);
            if (page.Items.FirstOrDefault(p => p.Name == name) is { } found)
            {
                return await policies.DescribePolicyAsync(management, found.Id, cancellationToken).ConfigureAwait(false);
            }

            next = page.NextToken;
        }
        while (next is not null);
        return null;
    }

    private async Task<IReadOnlyList<string>> TargetsAsync(CallerIdentity management, string policyId, CancellationToken cancellationToken)
    {
        var targets = new List<string>();
        string? next = null;
        do
        {
            OrganizationPage<PolicyTarget> page = await attachments.ListTargetsForPolicyAsync(management, policyId, next, 20, cancellationToken).ConfigureAwait(false);
            targets.AddRange(page.Items.Select(t => t.TargetId));
            next = page.NextToken;
        }
        while (next is not null);
        return targets;
    }
}
