using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts.Internal;

/// <summary>Brings a role of a layout into one account, or removes it (IAM: global).</summary>
internal sealed class LayoutRoles(RoleService roles, RolePolicyService policies)
{
    private const string NoSuchEntity = "NoSuchEntity";

    public async Task<ItemResult> ReconcileAsync(
        Identity.CallerIdentity actor, LayoutRole role, LayoutContext context, LayoutTarget account, bool apply, CancellationToken cancellationToken)
    {
        string trust;
        string description;
        List<KeyValuePair<string, string>> inline;
        try
        {
            trust = context.Render(role.TrustPolicy, account, null, json: true);
            description = role.Description is null ? string.Empty : context.Render(role.Description, account, null, json: false);
            inline = [.. role.InlinePolicies.Select(p => KeyValuePair.Create(p.Key, context.Render(p.Value, account, null, json: true)))];
        }
        catch (KeyNotFoundException e)
        {
            return Items.Failed($"role {role.Name}: {e.Message}");
        }

        Role? current;
        var details = new List<string>();
        var stale = new List<string>();
        try
        {
            current = await Items.FindAsync(() => roles.GetRoleAsync(actor, role.Name, cancellationToken), NoSuchEntity).ConfigureAwait(false);
            if (current is not null)
            {
                if (current.Path != role.Path)
                {
                    return Items.Failed($"role {role.Name} has the path {current.Path}, the layout says {role.Path}: a role's path cannot change");
                }

                if (!PolicyText.Same(current.AssumeRolePolicyDocument, trust))
                {
                    details.Add("trust policy differs");
                }

                if ((current.Description ?? string.Empty) != description)
                {
                    details.Add("description differs");
                }

                IReadOnlyList<string> names = await NamesAsync(actor, role.Name, cancellationToken).ConfigureAwait(false);
                foreach ((string name, string document) in inline)
                {
                    if (!names.Contains(name))
                    {
                        details.Add($"inline policy {name} missing");
                    }
                    else if (!PolicyText.Same((await policies.GetRolePolicyAsync(actor, role.Name, name, cancellationToken).ConfigureAwait(false)).PolicyDocument, document))
                    {
                        details.Add($"inline policy {name} differs");
                    }
                }

                stale.AddRange(names.Where(n => !inline.Any(p => p.Key == n)));
                details.AddRange(stale.Select(n => $"inline policy {n} is not in the layout"));
            }
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"role {role.Name}: {PolicyText.Reason(e)}");
        }

        if (current is not null && details.Count == 0)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(account.AccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.Role, role.Name,
            current is null ? LayoutAction.Create : LayoutAction.Update, current is null ? ["role missing"] : details);
        return await Items.RunAsync(change, apply, async () =>
        {
            if (current is null)
            {
                await roles.CreateRoleAsync(actor, new CreateRoleRequest
                {
                    RoleName = role.Name,
                    Path = role.Path,
                    Description = description.Length == 0 ? null : description,
                    AssumeRolePolicyDocument = trust,
                }, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (details.Contains("trust policy differs"))
                {
                    await roles.UpdateAssumeRolePolicyAsync(actor, role.Name, trust, cancellationToken).ConfigureAwait(false);
                }

                if (details.Contains("description differs"))
                {
                    await roles.UpdateRoleDescriptionAsync(actor, role.Name, description, cancellationToken).ConfigureAwait(false);
                }
            }

            foreach ((string name, string document) in inline)
            {
                await policies.PutRolePolicyAsync(actor, role.Name, name, document, cancellationToken).ConfigureAwait(false);
            }

            foreach (string name in stale)
            {
                await policies.DeleteRolePolicyAsync(actor, role.Name, name, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    public async Task<ItemResult> DeleteAsync(Identity.CallerIdentity actor, string roleName, bool apply, CancellationToken cancellationToken)
    {
        Role? current;
        try
        {
            current = await Items.FindAsync(() => roles.GetRoleAsync(actor, roleName, cancellationToken), NoSuchEntity).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return Items.Failed($"role {roleName}: {PolicyText.Reason(e)}");
        }

        if (current is null)
        {
            return ItemResult.Unchanged;
        }

        var change = new LayoutChange(actor.AccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.Role, roleName, LayoutAction.Delete, ["delete role"]);
        return await Items.RunAsync(change, apply, async () =>
        {
            foreach (string name in await NamesAsync(actor, roleName, cancellationToken).ConfigureAwait(false))
            {
                await policies.DeleteRolePolicyAsync(actor, roleName, name, cancellationToken).ConfigureAwait(false);
            }

            await roles.DeleteRoleAsync(actor, roleName, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> NamesAsync(Identity.CallerIdentity actor, string roleName, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? marker = null;
        do
        {
            ListRolePoliciesResult page = await policies.ListRolePoliciesAsync(actor, roleName, marker, 1000, cancellationToken).ConfigureAwait(false);
            names.AddRange(page.PolicyNames);
            marker = page.IsTruncated ? page.Marker : null;
        }
        while (marker is not null);
        return names;
    }
}
