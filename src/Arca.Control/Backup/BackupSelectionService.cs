using Arca.Control.Backup.Internal;
using Arca.Control.Backup.OrganizationPlans.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Selections;

namespace Arca.Control.Backup;

/// <summary>
/// Selections of backup plans: CreateBackupSelection, GetBackupSelection, ListBackupSelections,
/// DeleteBackupSelection. The selection's role must exist in the plan's account when the selection is created:
/// AWS checks it only when a backup runs (DESIGN.md §1), Arca says so at once.
/// </summary>
/// <remarks>
/// Thread-safe. Selection names are unique within a plan (AlreadyExistsException); a plan has at most
/// <see cref="MaxSelectionsPerPlan"/> selections. CreatorRequestId behaves as for plans (<see cref="BackupPlanService"/>).
/// Selections of a deleted plan cannot be created; those of an organization-managed plan cannot be created or deleted.
/// </remarks>
public sealed class BackupSelectionService(RegionSet regions, Authorizer authorizer, RoleService roles, PageTokens tokens, TimeProvider time)
{
    /// <summary>AWS's quota of selections per plan.</summary>
    public const int MaxSelectionsPerPlan = 50;

    private const string CreateOperation = "CreateBackupSelection";

    public async Task<BackupSelectionDetails> CreateAsync(
        CallerIdentity caller, string? planId, CreateBackupSelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string id = BackupPlanService.RequirePlanId(planId);
        BackupSelection selection = request.BackupSelection ?? throw BackupErrors.Missing("BackupSelection");
        if (BackupSelectionValidator.Validate(selection) is { } invalid)
        {
            throw BackupErrors.From(invalid);
        }

        string? token = ClientTokens.Validate(request.CreatorRequestId);
        if (OrganizationPlanIds.IsOrganizationPlan(id))
        {
            // Refused whatever the role: an organization-managed plan changes only through its policy.
            await regions.Get(caller.Region).Store.TransactAsync(tx => PlanAccess.RequireMutableAsync(tx, caller.AccountId, caller.Region, id), cancellationToken)
                .ConfigureAwait(false);
        }

        await RequireRoleAsync(caller, selection.IamRoleArn!, cancellationToken).ConfigureAwait(false);
        await authorizer.AuthorizeAsync(caller, "backup:CreateBackupSelection", BackupPlanService.PlanArn(caller, id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        string fingerprint = ClientTokens.Fingerprint(id, BackupSelectionJson.Write(selection));
        var document = new SelectionDocument
        {
            AccountId = caller.AccountId,
            BackupPlanId = id,
            SelectionId = BackupIds.NewId(time),
            Selection = selection,
            CreatorRequestId = token,
            CreationDate = time.GetUtcNow(),
        };
        return await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            string key = token is null ? string.Empty : BackupCollections.IdempotencyKey(caller.AccountId, CreateOperation, token);
            if (token is not null && await BackupCollections.Idempotency.GetAsync(tx, key).ConfigureAwait(false) is { } first)
            {
                return await ReplayAsync(tx, caller, first, token, fingerprint).ConfigureAwait(false);
            }

            await PlanAccess.RequireMutableAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            IReadOnlyList<SelectionDocument> existing = await BackupCollections.Selections.ListAsync(
                tx, new DocumentQuery { KeyPrefix = BackupCollections.SelectionPrefix(caller.AccountId, id) }).ConfigureAwait(false);
            if (existing.FirstOrDefault(s => s.Selection.SelectionName == selection.SelectionName) is { } same)
            {
                throw BackupErrors.AlreadyExists($"Backup plan {id} already has a selection named {selection.SelectionName} ({same.SelectionId})");
            }

            if (existing.Count >= MaxSelectionsPerPlan)
            {
                throw BackupErrors.LimitExceeded($"A backup plan can have at most {MaxSelectionsPerPlan} selections");
            }

            await BackupCollections.Selections.InsertAsync(tx, document).ConfigureAwait(false);
            if (token is not null)
            {
                await BackupCollections.Idempotency.InsertAsync(tx, new IdempotencyDocument(key, $"{id}/{document.SelectionId}", fingerprint)).ConfigureAwait(false);
            }

            return Details(document);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BackupSelectionDetails> GetAsync(CallerIdentity caller, string? planId, string? selectionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = BackupPlanService.RequirePlanId(planId);
        string selection = RequireSelectionId(selectionId);
        await authorizer.AuthorizeAsync(caller, "backup:GetBackupSelection", BackupPlanService.PlanArn(caller, id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return await regions.Get(caller.Region).Store.TransactAsync(
            async tx => Details(await RequireAsync(tx, caller, id, selection).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plan's selections, oldest first.</summary>
    public async Task<BackupPage<BackupSelectionDetails>> ListAsync(
        CallerIdentity caller, string? planId, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = BackupPlanService.RequirePlanId(planId);
        int limit = BackupPaging.Limit(maxResults);
        string scope = $"selections:{caller.AccountId}:{id}";
        string? after = BackupPaging.After(tokens, scope, nextToken);
        await authorizer.AuthorizeAsync(caller, "backup:ListBackupSelections", BackupPlanService.PlanArn(caller, id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<SelectionDocument> page = await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            return await BackupCollections.Selections.ListAsync(tx, new DocumentQuery
            {
                KeyPrefix = BackupCollections.SelectionPrefix(caller.AccountId, id),
                AfterKey = after,
                Limit = limit + 1,
            }).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(page, limit, tokens, scope, BackupCollections.Selections.KeyOf, Details);
    }

    public async Task DeleteAsync(CallerIdentity caller, string? planId, string? selectionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = BackupPlanService.RequirePlanId(planId);
        string selection = RequireSelectionId(selectionId);
        await authorizer.AuthorizeAsync(caller, "backup:DeleteBackupSelection", BackupPlanService.PlanArn(caller, id), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            PlanDocument plan = await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            PlanAccess.RefuseOrganizationManaged(plan);
            SelectionDocument document = await RequireAsync(tx, caller, id, selection).ConfigureAwait(false);
            return await BackupCollections.Selections.DeleteAsync(tx, BackupCollections.Selections.KeyOf(document)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string RequireSelectionId(string? selectionId) =>
        string.IsNullOrEmpty(selectionId) ? throw BackupErrors.Missing("SelectionId") : selectionId;

    private static BackupSelectionDetails Details(SelectionDocument s) => new(s.Selection, s.SelectionId, s.BackupPlanId, s.CreationDate, s.CreatorRequestId);

    private static async Task<SelectionDocument> RequireAsync(IMetadataTransaction tx, CallerIdentity caller, string planId, string selectionId)
    {
        await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, planId).ConfigureAwait(false);
        return await BackupCollections.Selections.GetAsync(tx, BackupCollections.SelectionPrefix(caller.AccountId, planId) + selectionId).ConfigureAwait(false)
            ?? throw BackupErrors.ResourceNotFound($"Backup selection {selectionId} not found in backup plan {planId}");
    }

    private static async Task<BackupSelectionDetails> ReplayAsync(
        IMetadataTransaction tx, CallerIdentity caller, IdempotencyDocument first, string token, string fingerprint)
    {
        if (first.Fingerprint != fingerprint)
        {
            throw BackupErrors.AlreadyExists(
                $"CreatorRequestId {token} was already used to create backup selection {first.Id} from a different request; use a new CreatorRequestId");
        }

        string[] ids = first.Id.Split('/', 2);
        SelectionDocument? selection = await BackupCollections.Selections.GetAsync(tx, BackupCollections.SelectionPrefix(caller.AccountId, ids[0]) + ids[1])
            .ConfigureAwait(false);
        return selection is null
            ? throw BackupErrors.AlreadyExists($"CreatorRequestId {token} was already used to create backup selection {ids[1]}, which has since been deleted; use a new CreatorRequestId")
            : Details(selection);
    }

    /// <summary>The role must be a role of the caller's account that exists now, with the path the ARN names.</summary>
    private async Task RequireRoleAsync(CallerIdentity caller, string roleArn, CancellationToken cancellationToken)
    {
        const string Field = "BackupSelection.IamRoleArn";
        Arn arn = Arn.Parse(roleArn);
        if (arn.Account != caller.AccountId)
        {
            throw BackupErrors.InvalidParameterValue($"{Field}: role {roleArn} belongs to account {arn.Account}; a selection must use a role of its plan's account {caller.AccountId}");
        }

        Role? role = await roles.FindRoleAsync(caller.AccountId, arn.RoleName!, cancellationToken).ConfigureAwait(false);
        if (role is null)
        {
            throw BackupErrors.InvalidParameterValue(
                $"{Field}: role {arn.RoleName} does not exist in account {caller.AccountId}; create it (iam create-role, trusting backup.amazonaws.com) before assigning resources to it");
        }

        if (role.Arn != roleArn)
        {
            throw BackupErrors.InvalidParameterValue($"{Field}: role {arn.RoleName} exists as {role.Arn}, not {roleArn}");
        }
    }
}
