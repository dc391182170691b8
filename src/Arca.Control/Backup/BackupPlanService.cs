using Arca.Control.Backup.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Domain.Plans;

namespace Arca.Control.Backup;

/// <summary>
/// Backup plans (docs/design/backup-service.md §1): CreateBackupPlan, UpdateBackupPlan, DeleteBackupPlan here;
/// the reads in <c>BackupPlanService.Queries.cs</c>. Plans live in the caller's region's store; every version is
/// kept; deletion is soft. Every operation is authorized (<c>backup:&lt;Operation&gt;</c>) before its transaction.
/// </summary>
/// <remarks>
/// Thread-safe. Errors are <see cref="Errors.AwsServiceException"/>s with Backup's codes (<see cref="BackupErrors"/>).
/// CreatorRequestId: a request repeating the token of an earlier CreateBackupPlan returns the plan that request
/// created (AWS: "If the request includes a CreatorRequestId that matches an existing backup plan, that plan is
/// returned"). AWS does not say what a <i>different</i> request with a used token gets; Arca refuses it with
/// AlreadyExistsException naming the plan, rather than silently answering with a plan the caller did not ask for.
/// </remarks>
public sealed partial class BackupPlanService(
    RegionSet regions, Authorizer authorizer, IVaultCatalog vaults, PageTokens tokens, TimeProvider time)
{
    /// <summary>Active plans per account and region (AWS's default quota is 100; Arca allows more).</summary>
    public const int MaxPlansPerAccount = 1000;

    private const string CreateOperation = "CreateBackupPlan";

    public async Task<BackupPlanDetails> CreateAsync(CallerIdentity caller, CreateBackupPlanRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        BackupPlanInput input = ValidPlan(request.BackupPlan);
        IReadOnlyDictionary<string, string> tags = TagRules.Validate(request.BackupPlanTags, "BackupPlanTags");
        string? token = ClientTokens.Validate(request.CreatorRequestId);
        string fingerprint = ClientTokens.Fingerprint(BackupPlanJson.Write(input, indented: false), ClientTokens.Canonical(tags));
        string planId = BackupIds.NewId(time);
        string arn = Arn.BackupPlan(caller.Region, caller.AccountId, planId).ToString();
        await authorizer.AuthorizeAsync(caller, "backup:CreateBackupPlan", arn, cancellationToken: cancellationToken).ConfigureAwait(false);
        IMetadataStore store = regions.Get(caller.Region).Store;

        if (token is not null && await store.TransactAsync(tx => ReplayAsync(tx, caller, token, fingerprint), cancellationToken).ConfigureAwait(false) is { } replayed)
        {
            return replayed;
        }

        await RequireVaultsAsync(caller, input, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = time.GetUtcNow();
        var plan = new PlanDocument
        {
            AccountId = caller.AccountId,
            BackupPlanId = planId,
            BackupPlanArn = arn,
            VersionId = BackupIds.NewVersionId(),
            Plan = BackupPlanDefaults.WithDefaults(input, () => Guid.NewGuid().ToString()),
            CreatorRequestId = token,
            CreationDate = now,
            Tags = tags,
        };
        return await store.TransactAsync(async tx =>
        {
            if (token is not null && await ReplayAsync(tx, caller, token, fingerprint).ConfigureAwait(false) is { } raced)
            {
                return raced;
            }

            await RequireUniqueNameAsync(tx, caller.AccountId, plan.Plan.BackupPlanName!, exceptPlanId: null).ConfigureAwait(false);
            await BackupCollections.Plans.InsertAsync(tx, plan).ConfigureAwait(false);
            await BackupCollections.PlanVersions.InsertAsync(tx, VersionOf(plan)).ConfigureAwait(false);
            if (token is not null)
            {
                string key = BackupCollections.IdempotencyKey(caller.AccountId, CreateOperation, token);
                await BackupCollections.Idempotency.InsertAsync(tx, new IdempotencyDocument(key, planId, fingerprint)).ConfigureAwait(false);
            }

            return PlanAccess.Details(plan);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the plan's body with a new version (new VersionId); rules keep their RuleId when their name stays.</summary>
    public async Task<BackupPlanDetails> UpdateAsync(CallerIdentity caller, string? planId, BackupPlanInput? backupPlan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = RequirePlanId(planId);
        BackupPlanInput input = ValidPlan(backupPlan);
        await authorizer.AuthorizeAsync(caller, "backup:UpdateBackupPlan", PlanArn(caller, id), cancellationToken: cancellationToken).ConfigureAwait(false);
        IMetadataStore store = regions.Get(caller.Region).Store;
        await store.TransactAsync(tx => PlanAccess.RequireMutableAsync(tx, caller.AccountId, caller.Region, id), cancellationToken).ConfigureAwait(false);
        await RequireVaultsAsync(caller, input, cancellationToken).ConfigureAwait(false);

        return await store.TransactAsync(async tx =>
        {
            PlanDocument current = await PlanAccess.RequireMutableAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            await RequireUniqueNameAsync(tx, caller.AccountId, input.BackupPlanName!, exceptPlanId: id).ConfigureAwait(false);
            Dictionary<string, string> ruleIds = (current.Plan.Rules ?? [])
                .Where(r => r.RuleName is not null && r.RuleId is not null)
                .ToDictionary(r => r.RuleName!, r => r.RuleId!, StringComparer.Ordinal);
            PlanDocument updated = current with
            {
                VersionId = BackupIds.NewVersionId(),
                Plan = BackupPlanDefaults.WithDefaults(
                    input with { Rules = [.. input.Rules!.Select(r => r with { RuleId = ruleIds.GetValueOrDefault(r.RuleName!) })] },
                    () => Guid.NewGuid().ToString()),
                CreationDate = time.GetUtcNow(),
                VersionSequence = current.VersionSequence + 1,
            };
            await BackupCollections.Plans.PutAsync(tx, updated).ConfigureAwait(false);
            await BackupCollections.PlanVersions.InsertAsync(tx, VersionOf(updated)).ConfigureAwait(false);
            return PlanAccess.Details(updated);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Soft-deletes the plan: it gets a DeletionDate, leaves ListBackupPlans (unless IncludeDeleted) and stays readable.</summary>
    /// <exception cref="Errors.AwsServiceException">InvalidRequestException while the plan has selections.</exception>
    public async Task<BackupPlanDetails> DeleteAsync(CallerIdentity caller, string? planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = RequirePlanId(planId);
        await authorizer.AuthorizeAsync(caller, "backup:DeleteBackupPlan", PlanArn(caller, id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            PlanDocument plan = await PlanAccess.RequireMutableAsync(tx, caller.AccountId, caller.Region, id).ConfigureAwait(false);
            IReadOnlyList<StoredDocument> selections = await tx.ListAsync(
                BackupCollections.Selections.Name,
                new DocumentQuery { KeyPrefix = BackupCollections.SelectionPrefix(caller.AccountId, id), Limit = 1 }).ConfigureAwait(false);
            if (selections.Count > 0)
            {
                // AWS's own message for this case.
                throw BackupErrors.InvalidRequest("Related backup plan selections must be deleted prior to backup plan deletion.");
            }

            PlanDocument deleted = plan with { DeletionDate = time.GetUtcNow() };
            await BackupCollections.Plans.PutAsync(tx, deleted).ConfigureAwait(false);
            return PlanAccess.Details(deleted);
        }, cancellationToken).ConfigureAwait(false);
    }

    internal static string RequirePlanId(string? planId) =>
        string.IsNullOrEmpty(planId) ? throw BackupErrors.Missing("BackupPlanId") : planId;

    internal static string PlanArn(CallerIdentity caller, string planId) => Arn.BackupPlan(caller.Region, caller.AccountId, planId).ToString();

    private static BackupPlanInput ValidPlan(BackupPlanInput? plan)
    {
        if (plan is null)
        {
            throw BackupErrors.Missing("BackupPlan");
        }

        BackupPlanInput input = PlanAccess.WithoutRuleIds(plan);
        return BackupPlanValidator.Validate(input) is { } error ? throw BackupErrors.From(error) : input;
    }

    private static PlanVersionDocument VersionOf(PlanDocument plan) => new()
    {
        AccountId = plan.AccountId,
        BackupPlanId = plan.BackupPlanId,
        BackupPlanArn = plan.BackupPlanArn,
        VersionId = plan.VersionId,
        Plan = plan.Plan,
        CreatorRequestId = plan.CreatorRequestId,
        CreationDate = plan.CreationDate,
        Sequence = plan.VersionSequence,
    };

    private static async Task<BackupPlanDetails?> ReplayAsync(IMetadataTransaction tx, CallerIdentity caller, string token, string fingerprint)
    {
        string key = BackupCollections.IdempotencyKey(caller.AccountId, CreateOperation, token);
        if (await BackupCollections.Idempotency.GetAsync(tx, key).ConfigureAwait(false) is not { } first)
        {
            return null;
        }

        PlanDocument plan = await PlanAccess.RequireAsync(tx, caller.AccountId, caller.Region, first.Id).ConfigureAwait(false);
        return first.Fingerprint == fingerprint
            ? PlanAccess.Details(plan)
            : throw BackupErrors.AlreadyExists(
                $"CreatorRequestId {token} was already used to create backup plan {plan.BackupPlanArn} from a different request; use a new CreatorRequestId");
    }

    private static async Task RequireUniqueNameAsync(IMetadataTransaction tx, string accountId, string name, string? exceptPlanId)
    {
        IReadOnlyList<PlanDocument> active = await BackupCollections.Plans.ListAsync(
            tx, new DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId, I2 = BackupCollections.Active, Limit = MaxPlansPerAccount + 1 })
            .ConfigureAwait(false);
        if (active.FirstOrDefault(p => p.Plan.BackupPlanName == name && p.BackupPlanId != exceptPlanId) is { } existing)
        {
            throw BackupErrors.AlreadyExists($"A backup plan named {name} already exists: {existing.BackupPlanArn}");
        }

        if (exceptPlanId is null && active.Count >= MaxPlansPerAccount)
        {
            throw BackupErrors.LimitExceeded($"An account can have at most {MaxPlansPerAccount} backup plans in a region");
        }
    }

    private async Task RequireVaultsAsync(CallerIdentity caller, BackupPlanInput plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<BackupRuleInput> rules = plan.Rules!;
        for (int i = 0; i < rules.Count; i++)
        {
            string vault = rules[i].TargetBackupVaultName!;
            if (!await vaults.ExistsAsync(caller.AccountId, caller.Region, vault, cancellationToken).ConfigureAwait(false))
            {
                throw BackupErrors.InvalidParameterValue(
                    $"{BackupPlanValidator.RootPath}.Rules[{i}].TargetBackupVaultName: Backup vault {vault} does not exist in account {caller.AccountId} and region {caller.Region}");
            }
        }
    }
}
