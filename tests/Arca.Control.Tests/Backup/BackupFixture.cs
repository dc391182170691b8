using Arca.Control.Backup;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Plans;
using Arca.Storage.Resources;

namespace Arca.Control.Tests.Backup;

/// <summary>The Backup services over in-memory regional stores (us-east-1, eu-west-1) beside the identity fixture.</summary>
internal sealed class BackupFixture
{
    public BackupFixture(ResourceTypeRegistry? types = null)
    {
        Regions = RegionSet.InMemory(Path.Combine(Path.GetTempPath(), "arca-backup-test"), "us-east-1", "eu-west-1");
        var tokens = new PageTokens(new byte[32]);
        Types = new BackupResourceTypes(types ?? ResourceTypeRegistry.CreateDefault());
        Plans = new BackupPlanService(Regions, Identity.Authorizer, new StoredVaultCatalog(Regions), tokens, Identity.Time);
        Selections = new BackupSelectionService(Regions, Identity.Authorizer, Identity.Roles, tokens, Identity.Time);
        Settings = new RegionSettingsService(Regions, Identity.Authorizer, Types);
        Resources = new ResourceInventoryService(Regions, Identity.Authorizer, Types, tokens, Identity.Time);
        Tags = new BackupTagService(Regions, Identity.Authorizer, [BackupTagTargets.Plans, BackupTagTargets.Resources]);
    }

    public ControlFixture Identity { get; } = new();

    public RegionSet Regions { get; }

    public BackupResourceTypes Types { get; }

    public BackupPlanService Plans { get; }

    public BackupSelectionService Selections { get; }

    public RegionSettingsService Settings { get; }

    public ResourceInventoryService Resources { get; }

    public BackupTagService Tags { get; }

    /// <summary>A new account's root caller with the vault <paramref name="vaults"/> in us-east-1.</summary>
    public async Task<CallerIdentity> NewRootAsync(string name = "acct", params string[] vaults)
    {
        CallerIdentity caller = await Identity.NewRootAsync(name);
        foreach (string vault in vaults.Length == 0 ? ["cabvault"] : vaults)
        {
            await AddVaultAsync(caller.AccountId, caller.Region, vault);
        }

        return caller;
    }

    /// <summary>A role the backup service may assume, as the tutorial's <c>cabrole</c>; returns its ARN.</summary>
    public async Task<string> NewBackupRoleAsync(CallerIdentity owner, string name = "cabrole", string path = "/")
    {
        const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"backup.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        Role role = await Identity.Roles.CreateRoleAsync(owner, new CreateRoleRequest { RoleName = name, Path = path, AssumeRolePolicyDocument = Trust });
        return role.Arn;
    }

    /// <summary>Puts a vault document where the vault service will keep it (only its key matters to plans).</summary>
    public Task AddVaultAsync(string accountId, string region, string vault) =>
        Regions.Get(region).Store.TransactAsync(tx => tx.PutAsync(StoredVaultCatalog.Collection, StoredVaultCatalog.Key(accountId, vault), "{}", new IndexFields(accountId)));

    public static BackupPlanInput Plan(string name = "cabplan", params BackupRuleInput[] rules) =>
        new() { BackupPlanName = name, Rules = rules.Length == 0 ? [Rule()] : rules };

    public static BackupRuleInput Rule(string name = "cabrule", string vault = "cabvault") => new() { RuleName = name, TargetBackupVaultName = vault };

    public static async Task Throws(Func<Task> action, string code, string message)
    {
        Errors.AwsServiceException e = await Assert.ThrowsAsync<Errors.AwsServiceException>(action);
        Assert.Equal((code, 400), (e.Code, e.HttpStatus));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
