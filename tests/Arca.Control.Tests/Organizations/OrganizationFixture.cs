using Arca.Control.Errors;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Organizations;
using Arca.Control.Sts;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests.Organizations;

/// <summary>The Organizations services wired as the server wires them (membership read from the store), over an in-memory store and a fake clock.</summary>
internal sealed class OrganizationFixture
{
    public OrganizationFixture(IMetadataStore? store = null, MasterKey? masterKey = null)
    {
        Store = store ?? new InMemoryMetadataStore();
        var sealer = new SecretSealer(masterKey ?? MasterKey.Generate());
        Membership = new OrganizationMembershipReader(Store);
        Accounts = new AccountService(Store, sealer, Time);
        Credentials = new CredentialStore(Store, sealer, Time);
        Authorizer = new Authorizer(Store, Membership, Time);
        var tokens = new PageTokens(new byte[32]);
        Roles = new RoleService(Store, Authorizer, tokens, Time);
        RolePolicies = new RolePolicyService(Store, Roles, tokens);
        Sts = new StsService(Credentials, Roles, Authorizer, Time);
        Callers = new CallerResolver(Membership);
        Feed = new BackupPolicyChangeFeed(Store);
        IOrganizationTreeListener[] treeListeners = [Listener, new BackupPolicyTreeListener(Feed, [PolicyListener])];
        Organizations = new OrganizationService(Store, Authorizer, tokens, Time, treeListeners);
        Units = new OrganizationalUnitService(Store, Authorizer, tokens, Time);
        Creation = new AccountCreationService(Store, Authorizer, Accounts, Roles, RolePolicies, tokens, Time, treeListeners);
        Members = new OrganizationAccountService(Store, Authorizer, tokens, Time, treeListeners);
        ServiceAccess = new ServiceAccessService(Store, Authorizer, tokens, Time);
        Delegated = new DelegatedAdministratorService(Store, Authorizer, tokens, Time);
        Policies = new PolicyService(Store, Authorizer, tokens, Time, [PolicyListener]);
        Attachments = new PolicyAttachmentService(Store, Authorizer, tokens, Time, [PolicyListener]);
        PolicyTypes = new PolicyTypeService(Store, Authorizer, Time, [PolicyListener]);
        BackupPolicies = new BackupPolicyService(Store, Authorizer);
    }

    public FakeTimeProvider Time { get; } = new(ControlFixture.T0);

    public IMetadataStore Store { get; }

    public RecordingListener Listener { get; } = new();

    public RecordingPolicyListener PolicyListener { get; } = new();

    public BackupPolicyChangeFeed Feed { get; }

    public PolicyService Policies { get; }

    public PolicyAttachmentService Attachments { get; }

    public PolicyTypeService PolicyTypes { get; }

    public BackupPolicyService BackupPolicies { get; }

    public OrganizationMembershipReader Membership { get; }

    public AccountService Accounts { get; }

    public CredentialStore Credentials { get; }

    public Authorizer Authorizer { get; }

    public RoleService Roles { get; }

    public RolePolicyService RolePolicies { get; }

    public StsService Sts { get; }

    public CallerResolver Callers { get; }

    public OrganizationService Organizations { get; }

    public OrganizationalUnitService Units { get; }

    public AccountCreationService Creation { get; }

    public OrganizationAccountService Members { get; }

    public ServiceAccessService ServiceAccess { get; }

    public DelegatedAdministratorService Delegated { get; }

    /// <summary>A new standalone account with a root key, and its root caller.</summary>
    public async Task<CallerIdentity> NewRootAsync(string name = "acct")
    {
        Account account = await Accounts.CreateAccountAsync(name, $"{name}-{Guid.NewGuid():N}@example.com");
        IssuedAccessKey key = await Accounts.CreateRootAccessKeyAsync(account.Id);
        return await CallerOfAsync(key.AccessKeyId);
    }

    /// <summary>The caller behind a key, resolved as the edge does (organization fields included).</summary>
    public async Task<CallerIdentity> CallerOfAsync(string accessKeyId) =>
        await Callers.ResolveAsync((await Credentials.FindAsync(accessKeyId))!, "us-east-1");

    /// <summary>Resolves the caller again (after its account joined or left an organization).</summary>
    public Task<CallerIdentity> RefreshAsync(CallerIdentity caller) => CallerOfAsync(caller.AccessKeyId);

    /// <summary>A management account with an organization of all features.</summary>
    public async Task<(CallerIdentity Management, Organization Organization)> NewOrganizationAsync()
    {
        CallerIdentity root = await NewRootAsync("management");
        Organization organization = await Organizations.CreateOrganizationAsync(root, null);
        return (await RefreshAsync(root), organization);
    }

    /// <summary>A member created with CreateAccount, and the root caller of the member (given a key, as a test shortcut).</summary>
    public async Task<(string AccountId, CallerIdentity Root)> NewMemberAsync(CallerIdentity management, string name)
    {
        CreateAccountStatus status = await Creation.CreateAccountAsync(
            management, new CreateAccountRequest { Email = $"{name}-{Guid.NewGuid():N}@example.com", AccountName = name });
        Assert.Equal(CreateAccountState.Succeeded, status.State);
        IssuedAccessKey key = await Accounts.CreateRootAccessKeyAsync(status.AccountId!);
        return (status.AccountId!, await CallerOfAsync(key.AccessKeyId));
    }

    public static async Task<AwsServiceException> FailsAsync(string code, Func<Task> action)
    {
        AwsServiceException e = await Assert.ThrowsAnyAsync<AwsServiceException>(action);
        Assert.Equal(code, e.Code);
        return e;
    }

    /// <summary>Creates a backup policy and returns its id.</summary>
    public async Task<string> CreateBackupPolicyAsync(CallerIdentity caller, string name, string content) =>
        (await Policies.CreatePolicyAsync(caller, new CreatePolicyRequest { Name = name, Description = "", Type = "BACKUP_POLICY", Content = content }))
            .Summary.Id;

    /// <summary>Enables backup policies in the root of the caller's organization and returns the root id.</summary>
    public async Task<string> EnableBackupPoliciesAsync(CallerIdentity management)
    {
        string rootId = (await Organizations.ListRootsAsync(management, null, null)).Items[0].Id;
        await PolicyTypes.EnablePolicyTypeAsync(management, rootId, "BACKUP_POLICY");
        return rootId;
    }

    /// <summary>Records every backup-policy notification.</summary>
    internal sealed class RecordingPolicyListener : IBackupPolicyListener
    {
        private readonly List<BackupPolicyAccountsChanged> _changes = [];

        public IReadOnlyList<BackupPolicyAccountsChanged> Changes
        {
            get
            {
                lock (_changes)
                {
                    return [.. _changes];
                }
            }
        }

        public ValueTask AccountsChangedAsync(BackupPolicyAccountsChanged change, CancellationToken cancellationToken)
        {
            lock (_changes)
            {
                _changes.Add(change);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Records every published tree change.</summary>
    internal sealed class RecordingListener : IOrganizationTreeListener
    {
        private readonly List<OrganizationTreeChange> _changes = [];

        public IReadOnlyList<OrganizationTreeChange> Changes
        {
            get
            {
                lock (_changes)
                {
                    return [.. _changes];
                }
            }
        }

        /// <summary>A listener the change is passed on to (a layout reconciler built after the fixture).</summary>
        public IOrganizationTreeListener? Forward { get; set; }

        public ValueTask OnTreeChangedAsync(OrganizationTreeChange change, CancellationToken cancellationToken)
        {
            lock (_changes)
            {
                _changes.Add(change);
            }

            return Forward?.OnTreeChangedAsync(change, cancellationToken) ?? ValueTask.CompletedTask;
        }
    }
}
