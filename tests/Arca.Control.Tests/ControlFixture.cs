using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Sts;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Control.Tests;

/// <summary>The control plane's identity services over an in-memory store and a fake clock.</summary>
internal sealed class ControlFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    public ControlFixture(IOrganizationMembership? organizations = null)
    {
        Organizations = organizations ?? NoOrganizationMembership.Instance;
        var sealer = new SecretSealer(MasterKey.Generate());
        Accounts = new AccountService(Store, sealer, Time);
        Credentials = new CredentialStore(Store, sealer, Time);
        Authorizer = new Authorizer(Store, Organizations, Time);
        var tokens = new PageTokens(new byte[32]);
        Roles = new RoleService(Store, Authorizer, tokens, Time);
        RolePolicies = new RolePolicyService(Store, Roles, tokens);
        Sts = new StsService(Credentials, Roles, Authorizer, Time);
        Callers = new CallerResolver(Organizations);
    }

    public FakeTimeProvider Time { get; } = new(T0);

    public InMemoryMetadataStore Store { get; } = new();

    public IOrganizationMembership Organizations { get; }

    public AccountService Accounts { get; }

    public CredentialStore Credentials { get; }

    public Authorizer Authorizer { get; }

    public RoleService Roles { get; }

    public RolePolicyService RolePolicies { get; }

    public StsService Sts { get; }

    public CallerResolver Callers { get; }

    /// <summary>A new account and its root caller.</summary>
    public async Task<CallerIdentity> NewRootAsync(string name = "acct")
    {
        Account account = await Accounts.CreateAccountAsync(name, $"{name}-{Guid.NewGuid():N}@example.com");
        IssuedAccessKey key = await Accounts.CreateRootAccessKeyAsync(account.Id);
        return await CallerOfAsync(key.AccessKeyId);
    }

    public async Task<CallerIdentity> CallerOfAsync(string accessKeyId) =>
        await Callers.ResolveAsync((await Credentials.FindAsync(accessKeyId))!, "us-east-1");

    /// <summary>Creates a role trusting <paramref name="trustedPrincipal"/> (an ARN or account id) with optional inline policies.</summary>
    public async Task<Role> NewRoleAsync(CallerIdentity owner, string name, string trustedPrincipal, params (string Name, string Document)[] policies)
    {
        Role role = await Roles.CreateRoleAsync(owner, new CreateRoleRequest { RoleName = name, AssumeRolePolicyDocument = Trust(trustedPrincipal) });
        foreach ((string policyName, string document) in policies)
        {
            await RolePolicies.PutRolePolicyAsync(owner, name, policyName, document);
        }

        return role;
    }

    /// <summary>Assumes <paramref name="role"/> as <paramref name="caller"/> and returns the session's caller.</summary>
    public async Task<CallerIdentity> AssumeAsync(CallerIdentity caller, Role role, string session = "s1", int? duration = null)
    {
        AssumeRoleResult result = await Sts.AssumeRoleAsync(caller, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = session, DurationSeconds = duration });
        return await CallerOfAsync(result.Credentials.AccessKeyId);
    }

    public static string Trust(string principal) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"sts:AssumeRole"}]}""";

    public static string Allow(string action, string resource = "*") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""";

    public static string Deny(string action, string resource = "*") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"{{action}}","Resource":"{{resource}}"}]}""";
}
