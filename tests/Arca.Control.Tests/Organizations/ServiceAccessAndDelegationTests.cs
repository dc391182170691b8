using Arca.Control.Identity;
using Arca.Control.Organizations;

namespace Arca.Control.Tests.Organizations;

public sealed class ServiceAccessAndDelegationTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;

    public async Task InitializeAsync() => (_management, _organization) = await _f.NewOrganizationAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Trusted_access_is_enabled_listed_and_disabled_idempotently()
    {
        await _f.ServiceAccess.EnableAwsServiceAccessAsync(_management, ServiceAccessService.BackupServicePrincipal);
        _f.Time.Advance(TimeSpan.FromHours(1));
        await _f.ServiceAccess.EnableAwsServiceAccessAsync(_management, "backup.amazonaws.com");
        await _f.ServiceAccess.EnableAwsServiceAccessAsync(_management, "account.amazonaws.com");

        OrganizationPage<EnabledServicePrincipal> enabled = await _f.ServiceAccess.ListAwsServiceAccessForOrganizationAsync(_management, null, null);
        Assert.Equal([new EnabledServicePrincipal("account.amazonaws.com", ControlFixture.T0.AddHours(1)), new EnabledServicePrincipal("backup.amazonaws.com", ControlFixture.T0)],
            enabled.Items);
        Assert.True(await _f.ServiceAccess.IsEnabledAsync(_organization.Id, "backup.amazonaws.com"));

        await _f.ServiceAccess.DisableAwsServiceAccessAsync(_management, "backup.amazonaws.com");
        await _f.ServiceAccess.DisableAwsServiceAccessAsync(_management, "backup.amazonaws.com");
        Assert.False(await _f.ServiceAccess.IsEnabledAsync(_organization.Id, "backup.amazonaws.com"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("backup")]
    [InlineData("Backup.amazonaws.com")]
    [InlineData("backup.amazonaws.com.evil")]
    public async Task A_service_principal_that_names_no_service_is_invalid_input(string? principal)
    {
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.ServiceAccess.EnableAwsServiceAccessAsync(_management, principal));
        Assert.Contains("ServicePrincipal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delegated_administrator_may_read_the_organization_but_not_change_it()
    {
        (string admin, CallerIdentity adminRoot) = await _f.NewMemberAsync(_management, "admin");
        (string other, CallerIdentity otherRoot) = await _f.NewMemberAsync(_management, "other");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, admin, "backup.amazonaws.com");
        _f.Time.Advance(TimeSpan.FromMinutes(1));
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, admin, "account.amazonaws.com");

        Assert.Equal(3, (await _f.Members.ListAccountsAsync(adminRoot, null, null)).Items.Count);
        Assert.Equal(other, (await _f.Members.DescribeAccountAsync(adminRoot, other)).Id);
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Members.ListAccountsAsync(otherRoot, null, null));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Members.RemoveAccountFromOrganizationAsync(adminRoot, other));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.ServiceAccess.EnableAwsServiceAccessAsync(adminRoot, "backup.amazonaws.com"));

        DelegatedAdministrator listed = Assert.Single((await _f.Delegated.ListDelegatedAdministratorsAsync(_management, null, null, null)).Items);
        Assert.Equal((admin, ControlFixture.T0), (listed.Account.Id, listed.DelegationEnabledDate));
        Assert.Equal(ControlFixture.T0.AddMinutes(1),
            Assert.Single((await _f.Delegated.ListDelegatedAdministratorsAsync(_management, "account.amazonaws.com", null, null)).Items).DelegationEnabledDate);
        Assert.Empty((await _f.Delegated.ListDelegatedAdministratorsAsync(_management, "ssm.amazonaws.com", null, null)).Items);
        Assert.Equal(["account.amazonaws.com", "backup.amazonaws.com"],
            (await _f.Delegated.ListDelegatedServicesForAccountAsync(adminRoot, admin, null, null)).Items.Select(s => s.ServicePrincipal));
    }

    [Fact]
    public async Task Registration_errors_are_awss()
    {
        (string member, _) = await _f.NewMemberAsync(_management, "member");
        await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, member, "backup.amazonaws.com");

        var e = await OrganizationFixture.FailsAsync("AccountAlreadyRegisteredException",
            () => _f.Delegated.RegisterDelegatedAdministratorAsync(_management, member, "backup.amazonaws.com"));
        Assert.Equal(409, e.HttpStatus);
        e = await OrganizationFixture.FailsAsync("ConstraintViolationException",
            () => _f.Delegated.RegisterDelegatedAdministratorAsync(_management, _management.AccountId, "backup.amazonaws.com"));
        Assert.StartsWith("CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR", e.Message, StringComparison.Ordinal);
        await OrganizationFixture.FailsAsync("AccountNotFoundException",
            () => _f.Delegated.RegisterDelegatedAdministratorAsync(_management, "111111111111", "backup.amazonaws.com"));
        await OrganizationFixture.FailsAsync("AccountNotRegisteredException",
            () => _f.Delegated.DeregisterDelegatedAdministratorAsync(_management, member, "ssm.amazonaws.com"));
        await OrganizationFixture.FailsAsync("AccountNotRegisteredException",
            () => _f.Delegated.ListDelegatedServicesForAccountAsync(_management, _management.AccountId, null, null));
        await OrganizationFixture.FailsAsync("AccountNotFoundException",
            () => _f.Delegated.ListDelegatedServicesForAccountAsync(_management, "111111111111", null, null));
    }

    [Fact]
    public async Task Delegated_administrators_are_listed_a_page_at_a_time()
    {
        var admins = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string id = (await _f.NewMemberAsync(_management, $"a{i}")).AccountId;
            admins.Add(id);
            await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, id, "backup.amazonaws.com");
            await _f.Delegated.RegisterDelegatedAdministratorAsync(_management, id, "ssm.amazonaws.com");
        }

        OrganizationPage<DelegatedAdministrator> first = await _f.Delegated.ListDelegatedAdministratorsAsync(_management, null, null, 2);
        OrganizationPage<DelegatedAdministrator> second = await _f.Delegated.ListDelegatedAdministratorsAsync(_management, null, first.NextToken, 2);
        Assert.Null(second.NextToken);
        Assert.Equal(admins.Order(StringComparer.Ordinal), first.Items.Concat(second.Items).Select(a => a.Account.Id));
    }
}
