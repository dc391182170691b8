using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations.Internal;
using Arca.Domain.Arns;

namespace Arca.Control.Organizations;

/// <summary>
/// CreateAccount, DescribeCreateAccountStatus, ListCreateAccountStatus. A new account is made by
/// <see cref="AccountService"/>, given the role <c>RoleName</c> (default <c>OrganizationAccountAccessRole</c>)
/// that trusts the management account and allows everything, then placed under the root. The request completes
/// before CreateAccount answers (AWS answers <c>IN_PROGRESS</c> and finishes later); an email that an account
/// has already is a <c>FAILED</c> request with <c>EMAIL_ALREADY_EXISTS</c>, as in AWS.
/// </summary>
/// <remarks>
/// Thread-safe. The steps are separate transactions (each service owns its own): the request is recorded
/// <c>IN_PROGRESS</c> first, so a crash part-way leaves a request that says so rather than none.
/// </remarks>
public sealed class AccountCreationService(
    IMetadataStore store,
    Authorizer authorizer,
    AccountService accounts,
    RoleService roles,
    RolePolicyService rolePolicies,
    PageTokens tokens,
    TimeProvider time,
    IEnumerable<IOrganizationTreeListener> listeners)
{
    /// <summary>The name of the inline policy that gives the role full access (AWS attaches the managed policy of that name).</summary>
    public const string AdministratorPolicyName = "AdministratorAccess";

    private const string AdministratorPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    private readonly OrganizationAccess _access = new(store, authorizer);

    public async Task<CreateAccountStatus> CreateAccountAsync(CallerIdentity caller, CreateAccountRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        string email = OrganizationValidation.Email(request.Email);
        string name = OrganizationValidation.AccountName(request.AccountName);
        string roleName = OrganizationValidation.RoleName(request.RoleName);
        OrganizationValidation.IamUserAccessToBilling(request.IamUserAccessToBilling);
        IReadOnlyList<OrganizationTag> tags = OrganizationValidation.Tags(request.Tags);
        OrganizationRecord organization = await _access.RequireAsync(caller, "CreateAccount", CallerAccess.Management, null, cancellationToken)
            .ConfigureAwait(false);

        var status = new CreateAccountStatusRecord
        {
            Id = OrganizationIds.NewCreateAccountRequestId(),
            OrganizationId = organization.Id,
            AccountName = name,
            State = CreateAccountState.InProgress,
            RequestedAt = time.GetUtcNow(),
        };
        await store.TransactAsync(tx => OrganizationCollections.CreateAccountStatuses.PutAsync(tx, status, expectedVersion: 0), cancellationToken)
            .ConfigureAwait(false);

        Account account;
        try
        {
            account = await accounts.CreateAccountAsync(name, email, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "DuplicateAccountException")
        {
            status = status with { State = CreateAccountState.Failed, CompletedAt = time.GetUtcNow(), FailureReason = "EMAIL_ALREADY_EXISTS" };
            await store.TransactAsync(tx => OrganizationCollections.CreateAccountStatuses.PutAsync(tx, status), cancellationToken).ConfigureAwait(false);
            return status.ToStatus();
        }

        await CreateAccessRoleAsync(caller.Region, account.Id, roleName, organization.ManagementAccountId, cancellationToken).ConfigureAwait(false);
        MemberRecord member = await store.TransactAsync(async tx =>
        {
            _ = await OrganizationCollections.Organizations.GetAsync(tx, organization.Id).ConfigureAwait(false) ?? throw OrganizationErrors.NotInUse();
            var joined = new MemberRecord
            {
                AccountId = account.Id,
                OrganizationId = organization.Id,
                ManagementAccountId = organization.ManagementAccountId,
                ParentId = organization.RootId,
                ParentPath = organization.RootPath,
                JoinedMethod = AccountJoinedMethod.Created,
                JoinedAt = time.GetUtcNow(),
                Tags = tags,
            };
            await OrganizationCollections.Members.PutAsync(tx, joined, expectedVersion: 0).ConfigureAwait(false);
            await BackupPolicyChanges.MarkIfEnabledAsync(tx, organization.Id, [account.Id], BackupPolicyChangeReason.AccountJoined, joined.JoinedAt)
                .ConfigureAwait(false);
            status = status with { State = CreateAccountState.Succeeded, CompletedAt = joined.JoinedAt, AccountId = account.Id };
            await OrganizationCollections.CreateAccountStatuses.PutAsync(tx, status).ConfigureAwait(false);
            return joined;
        }, cancellationToken).ConfigureAwait(false);
        await OrganizationTree.PublishAsync(listeners, new OrganizationTreeChange(
            OrganizationTreeChangeKind.AccountJoined, organization.Id, account.Id, null, member.ParentId, member.JoinedAt), cancellationToken).ConfigureAwait(false);
        return status.ToStatus();
    }

    public async Task<CreateAccountStatus> DescribeCreateAccountStatusAsync(
        CallerIdentity caller, string? createAccountRequestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string id = OrganizationValidation.CreateAccountRequestId(createAccountRequestId);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "DescribeCreateAccountStatus", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        CreateAccountStatusRecord? status = await store.TransactAsync(
            tx => OrganizationCollections.CreateAccountStatuses.GetAsync(tx, id), cancellationToken).ConfigureAwait(false);
        return status?.OrganizationId == organization.Id ? status.ToStatus() : throw OrganizationErrors.CreateAccountStatusNotFound(id);
    }

    /// <summary>The organization's CreateAccount requests in the given states (all when none is given), by request id.</summary>
    public async Task<OrganizationPage<CreateAccountStatus>> ListCreateAccountStatusAsync(
        CallerIdentity caller, IReadOnlyList<string?>? states, string? nextToken, int? maxResults, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        IReadOnlySet<CreateAccountState> wanted = OrganizationValidation.CreateAccountStates(states);
        int limit = Paging.Limit(maxResults);
        OrganizationRecord organization = await _access.RequireAsync(
            caller, "ListCreateAccountStatus", CallerAccess.ManagementOrDelegatedAdministrator, null, cancellationToken).ConfigureAwait(false);
        string scope = $"org-create-account-status:{organization.Id}:{string.Join(',', wanted.Order())}";
        string? after = Paging.After(tokens, scope, nextToken);
        IReadOnlyList<CreateAccountStatusRecord> all = await store.TransactAsync(tx => OrganizationCollections.CreateAccountStatuses.ListAsync(
            tx, new DocumentQuery { I1 = organization.Id, AfterKey = after }), cancellationToken).ConfigureAwait(false);
        List<CreateAccountStatusRecord> matching = [.. all.Where(s => wanted.Count == 0 || wanted.Contains(s.State)).Take(limit + 1)];
        return Paging.Page(matching, limit, s => s.Id, s => s.ToStatus(), tokens, scope);
    }

    /// <summary>The role the management account assumes into the new account, created as the new account's root would.</summary>
    private async Task CreateAccessRoleAsync(string region, string accountId, string roleName, string managementAccountId, CancellationToken cancellationToken)
    {
        var newRoot = new CallerIdentity
        {
            AccountId = accountId,
            PrincipalArn = Arn.AccountRoot(accountId).ToString(),
            Kind = PrincipalKind.AccountRoot,
            AccessKeyId = "organizations.amazonaws.com",
            Region = region,
        };
        string trust = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{managementAccountId}}:root"},"Action":"sts:AssumeRole"}]}""";
        await roles.CreateRoleAsync(newRoot, new CreateRoleRequest { RoleName = roleName, AssumeRolePolicyDocument = trust }, cancellationToken)
            .ConfigureAwait(false);
        await rolePolicies.PutRolePolicyAsync(newRoot, roleName, AdministratorPolicyName, AdministratorPolicy, cancellationToken).ConfigureAwait(false);
    }
}
