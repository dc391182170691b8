using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Layouts.Internal;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;
using Arca.Control.Regions;
using Arca.Domain.Layouts;

namespace Arca.Control.Layouts;

/// <summary>
/// The <c>ArcaLayouts</c> operations (docs/design/layout.md §7): plan, apply, describe, list and destroy layouts of the caller's
/// organization, and the reconciliation of stored layouts (new accounts, drift) for <see cref="LayoutReconciler"/>.
/// </summary>
/// <remarks>
/// Thread-safe: runs are serialized (one at a time in the process), so a reconcile never races an apply. Only the organization's
/// management account may call the operations; its identity needs <c>organizations:&lt;Operation&gt;</c>.
/// </remarks>
public sealed class LayoutService(IMetadataStore store, Authorizer authorizer, AccountService accounts, RegionSet regions, LayoutEngine engine, TimeProvider time)
{
    public const string DefaultFileName = "layout.yaml";

    private readonly OrganizationAccess _access = new(store, authorizer);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The changes applying the layout would make, and every instance's status now; writes nothing.</summary>
    public async Task<LayoutReport> PlanAsync(CallerIdentity caller, string? layoutText, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Layout layout = Parse(layoutText, fileName);
        OrganizationRecord organization = await _access.RequireAsync(caller, "PlanLayout", CallerAccess.Management, null, cancellationToken).ConfigureAwait(false);
        return await LockedAsync(async () =>
        {
            LayoutRecord? stored = await FindAsync(organization.Id, layout.Name, cancellationToken).ConfigureAwait(false);
            LayoutContext context = await ContextAsync(organization, layout, cancellationToken).ConfigureAwait(false);
            EngineRun run = await engine.RunAsync(context, stored?.Deployed ?? [], apply: false, null, cancellationToken).ConfigureAwait(false);
            return new LayoutReport(layout.Name, organization.Id, run.Changes, run.Instances, stored?.AppliedAt);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies the layout and stores it (so that accounts joining a targeted OU later get it); reports what was done.</summary>
    public async Task<LayoutReport> ApplyAsync(CallerIdentity caller, string? layoutText, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Layout layout = Parse(layoutText, fileName);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ApplyLayout", CallerAccess.Management, null, cancellationToken).ConfigureAwait(false);
        return await LockedAsync(async () =>
        {
            LayoutRecord? stored = await FindAsync(organization.Id, layout.Name, cancellationToken).ConfigureAwait(false);
            LayoutContext context = await ContextAsync(organization, layout, cancellationToken).ConfigureAwait(false);
            EngineRun run = await engine.RunAsync(context, stored?.Deployed ?? [], apply: true, null, cancellationToken).ConfigureAwait(false);
            DateTimeOffset now = time.GetUtcNow();
            var record = new LayoutRecord
            {
                Name = layout.Name,
                OrganizationId = organization.Id,
                Source = layoutText!,
                FileName = fileName ?? DefaultFileName,
                AppliedAt = now,
                AppliedBy = caller.PrincipalArn,
                Deployed = run.Deployed,
                Instances = run.Instances,
                CheckedAt = now,
            };
            await store.TransactAsync(tx => LayoutCollections.Layouts.PutAsync(tx, record), cancellationToken).ConfigureAwait(false);
            return new LayoutReport(layout.Name, organization.Id, run.Changes, run.Instances, now);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A stored layout checked again now: its pending changes (drift, new accounts) and every instance's status.</summary>
    public async Task<LayoutReport> DescribeStatusAsync(CallerIdentity caller, string? layoutName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string name = layoutName is { Length: > 0 } ? layoutName : throw LayoutErrors.Required("LayoutName");
        OrganizationRecord organization = await _access.RequireAsync(caller, "DescribeLayoutStatus", CallerAccess.Management, null, cancellationToken)
            .ConfigureAwait(false);
        return await LockedAsync(async () =>
        {
            LayoutRecord stored = await FindAsync(organization.Id, name, cancellationToken).ConfigureAwait(false) ?? throw LayoutErrors.NotFound(name);
            Layout layout = LayoutParser.Parse(stored.Source, stored.FileName);
            LayoutContext context = await ContextAsync(organization, layout, cancellationToken).ConfigureAwait(false);
            EngineRun run = await engine.RunAsync(context, stored.Deployed, apply: false, null, cancellationToken).ConfigureAwait(false);
            await store.TransactAsync(tx => LayoutCollections.Layouts.PutAsync(tx, stored with { Instances = run.Instances, CheckedAt = time.GetUtcNow() }),
                cancellationToken).ConfigureAwait(false);
            return new LayoutReport(layout.Name, organization.Id, run.Changes, run.Instances, stored.AppliedAt);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The organization's stored layouts, by name, with their instances' statuses at the last check.</summary>
    public async Task<IReadOnlyList<LayoutSummary>> ListAsync(CallerIdentity caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        OrganizationRecord organization = await _access.RequireAsync(caller, "ListLayouts", CallerAccess.Management, null, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LayoutRecord> stored = await store.TransactAsync(tx => LayoutCollections.Layouts.ListAsync(tx, new DocumentQuery { I1 = organization.Id }),
            cancellationToken).ConfigureAwait(false);
        return [.. stored.Select(l => new LayoutSummary(l.Name, l.AppliedAt, l.CheckedAt,
            l.Instances.Count(i => i.Status == LayoutInstanceStatus.Current),
            l.Instances.Count(i => i.Status == LayoutInstanceStatus.Outdated),
            l.Instances.Count(i => i.Status == LayoutInstanceStatus.Failed)))];
    }

    /// <summary>
    /// Removes what the layout created or adopted (the stored layout's items, and those of <paramref name="layoutText"/> that exist), and forgets
    /// the layout once everything is gone. A vault holding recovery points stays (FAILED) unless <paramref name="deleteRecoveryPoints"/>.
    /// </summary>
    public async Task<LayoutReport> DestroyAsync(
        CallerIdentity caller, string? layoutName, string? layoutText, string? fileName, bool deleteRecoveryPoints, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Layout? given = layoutText is null ? null : Parse(layoutText, fileName);
        string name = given?.Name ?? (layoutName is { Length: > 0 } ? layoutName : throw LayoutErrors.Required("LayoutName"));
        if (given is not null && layoutName is { Length: > 0 } && layoutName != given.Name)
        {
            throw LayoutErrors.Validation($"LayoutName: {layoutName} is not the name of the given layout ({given.Name})");
        }

        OrganizationRecord organization = await _access.RequireAsync(caller, "DestroyLayout", CallerAccess.Management, null, cancellationToken).ConfigureAwait(false);
        return await LockedAsync(async () =>
        {
            LayoutRecord? stored = await FindAsync(organization.Id, name, cancellationToken).ConfigureAwait(false);
            Layout layout = given ?? (stored is null ? throw LayoutErrors.NotFound(name) : LayoutParser.Parse(stored.Source, stored.FileName));
            LayoutContext context = await ContextAsync(organization, layout, cancellationToken).ConfigureAwait(false);
            List<DeployedItem> items = [.. stored?.Deployed ?? []];
            if (given is not null)
            {
                items.AddRange(Desired(context).Where(d => !items.Contains(d)));
            }

            EngineRun run = await engine.DestroyAsync(context, items, deleteRecoveryPoints, apply: !dryRun, cancellationToken).ConfigureAwait(false);
            if (!dryRun && stored is not null)
            {
                await store.TransactAsync(async tx =>
                {
                    if (run.Deployed.Count == 0)
                    {
                        return await LayoutCollections.Layouts.DeleteAsync(tx, LayoutCollections.Key(organization.Id, name)).ConfigureAwait(false);
                    }

                    await LayoutCollections.Layouts.PutAsync(tx, stored with { Deployed = run.Deployed, CheckedAt = time.GetUtcNow() }).ConfigureAwait(false);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
            }

            return new LayoutReport(name, organization.Id, run.Changes, run.Instances, stored?.AppliedAt);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies every stored layout again (of every organization, or for <paramref name="accountIds"/> only: the layouts of their organizations),
    /// repairing drift and laying out new accounts. For the reconciler; needs no caller. Returns how many layouts were reconciled.
    /// </summary>
    public async Task<int> ReconcileAsync(IReadOnlyCollection<string>? accountIds, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LayoutRecord> all = await store.TransactAsync(tx => LayoutCollections.Layouts.ListAsync(tx, new DocumentQuery()), cancellationToken)
            .ConfigureAwait(false);
        int count = 0;
        foreach (LayoutRecord stored in all)
        {
            OrganizationRecord? organization = await store.TransactAsync(tx => OrganizationCollections.Organizations.GetAsync(tx, stored.OrganizationId), cancellationToken)
                .ConfigureAwait(false);
            if (organization is null)
            {
                // The organization is gone: so is what its layouts could act on.
                await store.TransactAsync(tx => LayoutCollections.Layouts.DeleteAsync(tx, LayoutCollections.Key(stored.OrganizationId, stored.Name)), cancellationToken)
                    .ConfigureAwait(false);
                continue;
            }

            count += await LockedAsync(async () =>
            {
                LayoutRecord? current = await FindAsync(stored.OrganizationId, stored.Name, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return 0;
                }

                Layout layout = LayoutParser.Parse(current.Source, current.FileName);
                LayoutContext context = await ContextAsync(organization, layout, cancellationToken).ConfigureAwait(false);
                HashSet<string>? only = accountIds is null ? null : [.. accountIds];
                if (only is not null && !only.Any(a => context.Find(a) is not null || current.Deployed.Any(d => d.AccountId == a)))
                {
                    return 0;
                }

                EngineRun run = await engine.RunAsync(context, current.Deployed, apply: true, only, cancellationToken).ConfigureAwait(false);
                IReadOnlyList<LayoutInstance> instances = only is null ? run.Instances
                    : [.. current.Instances.Where(i => !only.Contains(i.AccountId) && (context.Find(i.AccountId) is not null)).Concat(run.Instances)
                        .OrderBy(i => i.AccountId, StringComparer.Ordinal).ThenBy(i => i.Region, StringComparer.Ordinal)];
                await store.TransactAsync(tx => LayoutCollections.Layouts.PutAsync(tx, current with
                {
                    Deployed = run.Deployed,
                    Instances = instances,
                    CheckedAt = time.GetUtcNow(),
                }), cancellationToken).ConfigureAwait(false);
                return 1;
            }, cancellationToken).ConfigureAwait(false);
        }

        return count;
    }

    private Layout Parse(string? layoutText, string? fileName)
    {
        if (layoutText is null)
        {
            throw LayoutErrors.Required("Layout");
        }

        try
        {
            return LayoutParser.Parse(layoutText, fileName is { Length: > 0 } ? fileName : DefaultFileName, regions.Names);
        }
        catch (LayoutValidationException e)
        {
            throw LayoutErrors.Validation(e.Message);
        }
    }

    private static IEnumerable<DeployedItem> Desired(LayoutContext context)
    {
        Layout layout = context.Layout;
        foreach (LayoutBackupPolicy policy in layout.BackupPolicies)
        {
            yield return new DeployedItem(context.ManagementAccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.BackupPolicy, policy.Name);
        }

        foreach (LayoutTarget account in context.Targeted)
        {
            foreach (LayoutRole role in layout.Roles)
            {
                yield return new DeployedItem(account.AccountId, LayoutResourceTypes.GlobalRegion, LayoutResourceTypes.Role, role.Name);
            }

            foreach (string region in layout.Regions)
            {
                foreach (LayoutKey key in layout.Keys)
                {
                    yield return new DeployedItem(account.AccountId, region, LayoutResourceTypes.Key, key.AliasName);
                }

                foreach (LayoutVault vault in layout.Vaults)
                {
                    yield return new DeployedItem(account.AccountId, region, LayoutResourceTypes.Vault, vault.Name);
                }
            }
        }
    }

    private async Task<LayoutContext> ContextAsync(OrganizationRecord organization, Layout layout, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemberRecord> members = await store.TransactAsync(
            tx => OrganizationCollections.OfOrganizationAsync(tx, OrganizationCollections.Members, organization.Id), cancellationToken).ConfigureAwait(false);
        var targets = new List<LayoutTarget>();
        foreach (MemberRecord member in members.OrderBy(m => m.AccountId, StringComparer.Ordinal))
        {
            Account? account = await accounts.GetAsync(member.AccountId, cancellationToken).ConfigureAwait(false);
            targets.Add(new LayoutTarget(member.AccountId, account?.Name ?? string.Empty, member.ParentPath, member.AccountId == organization.ManagementAccountId));
        }

        return new LayoutContext(layout, organization.Id, organization.ManagementAccountId, organization.RootId, targets);
    }

    private Task<LayoutRecord?> FindAsync(string organizationId, string name, CancellationToken cancellationToken) =>
        store.TransactAsync(tx => LayoutCollections.Layouts.GetAsync(tx, LayoutCollections.Key(organizationId, name)), cancellationToken);

    private async Task<T> LockedAsync<T>(Func<Task<T>> run, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await run().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
