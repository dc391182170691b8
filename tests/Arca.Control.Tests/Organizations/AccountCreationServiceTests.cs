using System.Text.Json;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Organizations;
using Arca.Control.Sts;

namespace Arca.Control.Tests.Organizations;

public sealed class AccountCreationServiceTests : IAsyncLifetime
{
    private readonly OrganizationFixture _f = new();
    private CallerIdentity _management = null!;
    private Organization _organization = null!;

    public async Task InitializeAsync() => (_management, _organization) = await _f.NewOrganizationAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateAccount_succeeds_at_once_and_places_the_account_under_the_root()
    {
        _f.Time.Advance(TimeSpan.FromMinutes(5));
        CreateAccountStatus status = await _f.Creation.CreateAccountAsync(
            _management, new CreateAccountRequest { Email = "source@example.com", AccountName = "SourceAccount", Tags = [new OrganizationTag("env", "prod")] });

        Assert.Matches("^car-[a-z0-9]{32}$", status.Id);
        Assert.Equal((CreateAccountState.Succeeded, "SourceAccount", null), (status.State, status.AccountName, status.FailureReason));
        Assert.Equal((ControlFixture.T0.AddMinutes(5), ControlFixture.T0.AddMinutes(5)), (status.RequestedTimestamp, status.CompletedTimestamp));
        Assert.Matches("^[1-9][0-9]{11}$", status.AccountId);
        Assert.Equal(status, await _f.Creation.DescribeCreateAccountStatusAsync(_management, status.Id));

        OrganizationAccount account = await _f.Members.DescribeAccountAsync(_management, status.AccountId);
        string rootId = Assert.Single((await _f.Organizations.ListRootsAsync(_management, null, null)).Items).Id;
        Assert.Equal((status.AccountId, "SourceAccount", "source@example.com", AccountJoinedMethod.Created, rootId),
            (account.Id, account.Name, account.Email, account.JoinedMethod, account.ParentId));
        Assert.Equal($"arn:aws:organizations::{_management.AccountId}:account/{_organization.Id}/{status.AccountId}", account.Arn);
        Assert.Equal($"{_organization.Id}/{rootId}/{status.AccountId}/", account.Path);
        Assert.Equal(new OrganizationTreeChange(OrganizationTreeChangeKind.AccountJoined, _organization.Id, status.AccountId!, null, rootId,
            ControlFixture.T0.AddMinutes(5)), _f.Listener.Changes[^1]);
    }

    [Fact]
    public async Task The_access_role_trusts_the_management_account_and_allows_everything()
    {
        CreateAccountStatus status = await _f.Creation.CreateAccountAsync(_management, new CreateAccountRequest { Email = "a@example.com", AccountName = "A" });
        Role role = (await _f.Roles.FindRoleAsync(status.AccountId!, "OrganizationAccountAccessRole"))!;
        Assert.Equal($"arn:aws:iam::{status.AccountId}:role/OrganizationAccountAccessRole", role.Arn);
        using JsonDocument trust = JsonDocument.Parse(role.AssumeRolePolicyDocument);
        Assert.Equal($"arn:aws:iam::{_management.AccountId}:root",
            trust.RootElement.GetProperty("Statement")[0].GetProperty("Principal").GetProperty("AWS").GetString());

        AssumeRoleResult assumed = await _f.Sts.AssumeRoleAsync(_management, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "admin" });
        CallerIdentity session = await _f.CallerOfAsync(assumed.Credentials.AccessKeyId);
        Assert.Equal((status.AccountId, _organization.Id), (session.AccountId, session.OrganizationId));
        Role created = await _f.Roles.CreateRoleAsync(session, new CreateRoleRequest { RoleName = "cabrole", AssumeRolePolicyDocument = ControlFixture.Trust(status.AccountId!) });
        Assert.Equal($"arn:aws:iam::{status.AccountId}:role/cabrole", created.Arn);

        CallerIdentity outsider = await _f.NewRootAsync("outsider");
        await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Sts.AssumeRoleAsync(outsider, new AssumeRoleRequest { RoleArn = role.Arn, RoleSessionName = "outsider" }));
    }

    [Fact]
    public async Task RoleName_names_the_access_role()
    {
        CreateAccountStatus status = await _f.Creation.CreateAccountAsync(
            _management, new CreateAccountRequest { Email = "b@example.com", AccountName = "B", RoleName = "Admin", IamUserAccessToBilling = "DENY" });
        Assert.NotNull(await _f.Roles.FindRoleAsync(status.AccountId!, "Admin"));
        Assert.Null(await _f.Roles.FindRoleAsync(status.AccountId!, "OrganizationAccountAccessRole"));
    }

    [Fact]
    public async Task An_email_already_taken_fails_the_request_as_aws_does()
    {
        await _f.Creation.CreateAccountAsync(_management, new CreateAccountRequest { Email = "dup@example.com", AccountName = "one" });
        CreateAccountStatus failed = await _f.Creation.CreateAccountAsync(_management, new CreateAccountRequest { Email = "DUP@example.com", AccountName = "two" });

        Assert.Equal((CreateAccountState.Failed, "EMAIL_ALREADY_EXISTS", null), (failed.State, failed.FailureReason, failed.AccountId));
        Assert.NotNull(failed.CompletedTimestamp);
        Assert.Equal(failed, await _f.Creation.DescribeCreateAccountStatusAsync(_management, failed.Id));
        Assert.Equal(2, (await _f.Members.ListAccountsAsync(_management, null, null)).Items.Count);

        OrganizationPage<CreateAccountStatus> failures = await _f.Creation.ListCreateAccountStatusAsync(_management, ["FAILED"], null, null);
        Assert.Equal([failed.Id], failures.Items.Select(s => s.Id));
        Assert.Equal(2, (await _f.Creation.ListCreateAccountStatusAsync(_management, null, null, null)).Items.Count);
        OrganizationPage<CreateAccountStatus> first = await _f.Creation.ListCreateAccountStatusAsync(_management, [], null, 1);
        Assert.Single((await _f.Creation.ListCreateAccountStatusAsync(_management, [], first.NextToken, 1)).Items);
    }

    public static TheoryData<CreateAccountRequest, string> BadRequests => new()
    {
        { new CreateAccountRequest { AccountName = "x" }, "Email" },
        { new CreateAccountRequest { Email = "not-an-email", AccountName = "x" }, "Email" },
        { new CreateAccountRequest { Email = "a@b", AccountName = "x" }, "Email" },
        { new CreateAccountRequest { Email = "a@example.com" }, "AccountName" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = new string('n', 51) }, "AccountName" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "tab\tname" }, "AccountName" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "x", RoleName = "a/b" }, "RoleName" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "x", RoleName = "" }, "RoleName" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "x", IamUserAccessToBilling = "YES" }, "IamUserAccessToBilling" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "x", Tags = [new OrganizationTag(null, "v")] }, "Tags.Key" },
        { new CreateAccountRequest { Email = "a@example.com", AccountName = "x", Tags = [new OrganizationTag("k", null)] }, "Tags.Value" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_invalid_input_naming_the_field(CreateAccountRequest request, string field)
    {
        var e = await OrganizationFixture.FailsAsync("InvalidInputException", () => _f.Creation.CreateAccountAsync(_management, request));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        Assert.Single((await _f.Members.ListAccountsAsync(_management, null, null)).Items);
    }

    [Fact]
    public async Task Only_the_management_account_creates_accounts_and_reads_requests()
    {
        (_, CallerIdentity member) = await _f.NewMemberAsync(_management, "member");
        CreateAccountStatus status = (await _f.Creation.ListCreateAccountStatusAsync(_management, null, null, null)).Items[0];
        await OrganizationFixture.FailsAsync("AccessDeniedException",
            () => _f.Creation.CreateAccountAsync(member, new CreateAccountRequest { Email = "c@example.com", AccountName = "C" }));
        await OrganizationFixture.FailsAsync("AccessDeniedException", () => _f.Creation.DescribeCreateAccountStatusAsync(member, status.Id));
        await OrganizationFixture.FailsAsync("CreateAccountStatusNotFoundException",
            () => _f.Creation.DescribeCreateAccountStatusAsync(_management, "car-00000000000000000000000000000000"));
        Assert.Contains("CreateAccountRequestId", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Creation.DescribeCreateAccountStatusAsync(_management, "car-X"))).Message, StringComparison.Ordinal);
        Assert.Contains("States", (await OrganizationFixture.FailsAsync("InvalidInputException",
            () => _f.Creation.ListCreateAccountStatusAsync(_management, ["DONE"], null, null))).Message, StringComparison.Ordinal);
    }
}
