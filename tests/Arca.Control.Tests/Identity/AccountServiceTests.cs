using Arca.Control.Errors;
using Arca.Control.Identity;
using Arca.Control.Metadata;

namespace Arca.Control.Tests.Identity;

public sealed class AccountServiceTests
{
    private readonly ControlFixture _f = new();

    [Fact]
    public async Task Accounts_get_unique_random_twelve_digit_ids()
    {
        var ids = new HashSet<string>();
        for (int i = 0; i < 20; i++)
        {
            Account account = await _f.Accounts.CreateAccountAsync($"a{i}", $"a{i}@example.com");
            Assert.Matches("^[1-9][0-9]{11}$", account.Id);
            Assert.Equal(ControlFixture.T0, account.CreatedAt);
            ids.Add(account.Id);
        }

        Assert.Equal(20, ids.Count);
        Assert.Equal(20, (await _f.Accounts.ListAsync()).Count);
    }

    [Fact]
    public async Task An_email_is_unique_regardless_of_case()
    {
        await _f.Accounts.CreateAccountAsync("a", "ops@example.com");
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Accounts.CreateAccountAsync("b", "OPS@example.com"));
        Assert.Equal("DuplicateAccountException", e.Code);
    }

    [Theory]
    [InlineData("", "ops@example.com")]
    [InlineData("a", "nope")]
    [InlineData("a", "a@b")]
    [InlineData("a", "with space@example.com")]
    public async Task Bad_names_and_emails_are_invalid_input(string name, string email)
    {
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => _f.Accounts.CreateAccountAsync(name, email));
        Assert.Equal(("InvalidInputException", 400), (e.Code, e.HttpStatus));
    }

    [Fact]
    public async Task Root_keys_resolve_to_the_account_root_and_are_sealed_at_rest()
    {
        Account account = await _f.Accounts.CreateAccountAsync("a", "a@example.com");
        IssuedAccessKey key = await _f.Accounts.CreateRootAccessKeyAsync(account.Id);
        Assert.Matches("^AKIA[A-Z2-7]{16}$", key.AccessKeyId);
        Assert.Equal(40, key.SecretAccessKey.Length);

        ResolvedCredential found = (await _f.Credentials.FindAsync(key.AccessKeyId))!;
        Assert.Equal((key.SecretAccessKey, account.Id, AccessKeyKind.Root, (string?)null), (found.SecretAccessKey, found.AccountId, found.Kind, found.SessionToken));
        Assert.DoesNotContain(key.SecretAccessKey, found.ToString());
        Assert.DoesNotContain(key.SecretAccessKey, key.ToString());

        StoredDocument stored = (await _f.Store.TransactAsync(tx => tx.GetAsync("access-keys", key.AccessKeyId)))!;
        Assert.DoesNotContain(key.SecretAccessKey, stored.Json);
        Assert.Equal([key], await _f.Accounts.GetRootAccessKeysAsync(account.Id));
    }

    [Fact]
    public async Task An_account_has_at_most_two_root_keys_and_unknown_accounts_none()
    {
        Account account = await _f.Accounts.CreateAccountAsync("a", "a@example.com");
        await _f.Accounts.CreateRootAccessKeyAsync(account.Id);
        await _f.Accounts.CreateRootAccessKeyAsync(account.Id);
        Assert.Equal("LimitExceeded", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Accounts.CreateRootAccessKeyAsync(account.Id))).Code);
        Assert.Equal("NoSuchEntity", (await Assert.ThrowsAsync<AwsServiceException>(() => _f.Accounts.CreateRootAccessKeyAsync("999999999999"))).Code);
    }
}
