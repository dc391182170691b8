using Arca.Domain.Layouts;

namespace Arca.Domain.Tests.Layouts;

public sealed class LayoutParserTests
{
    private const string Minimal = """
        version: 1
        name: cab
        targets:
          organizationalUnits: [ou-ab12-11111111]
          excludeAccounts: ["222222222222"]
        regions: [us-east-1, eu-west-1]
        keys:
          - alias: cabkey
            description: key of ${AccountId} in ${Region}
        vaults:
          - name: cabvault
            key: cabkey
            accessPolicy: |
              {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"backup:CopyIntoBackupVault","Resource":"*",
                "Condition":{"StringEquals":{"aws:PrincipalOrgID":"${OrganizationId}"}}}]}
            lock: { minRetentionDays: 1, maxRetentionDays: 30 }
            tags: { project: cab }
        """;

    [Fact]
    public void A_valid_file_loads_with_its_variables_kept()
    {
        Layout layout = LayoutParser.Parse(Minimal, "layout.yaml", ["us-east-1", "eu-west-1"]);

        Assert.Equal("cab", layout.Name);
        Assert.Equal(["us-east-1", "eu-west-1"], layout.Regions);
        Assert.Equal("alias/cabkey", Assert.Single(layout.Keys).AliasName);
        LayoutVault vault = Assert.Single(layout.Vaults);
        Assert.Same(layout.Keys[0], layout.FindKey(vault.Key!));
        Assert.Contains("${OrganizationId}", vault.AccessPolicy, StringComparison.Ordinal);
        Assert.Equal(new LayoutVaultLock(1, 30, null), vault.Lock);
        Assert.Equal("cab", vault.Tags["project"]);
        Assert.True(layout.Targets.Includes("111111111111", "o-x/r-ab12/ou-ab12-11111111/ou-ab12-22222222/", isManagementAccount: false));
        Assert.False(layout.Targets.Includes("222222222222", "o-x/r-ab12/ou-ab12-11111111/", isManagementAccount: false));
        Assert.False(layout.Targets.Includes("333333333333", "o-x/r-ab12/", isManagementAccount: false));
    }

    [Fact]
    public void A_policy_written_as_yaml_becomes_json_with_strings_for_account_ids()
    {
        string text = """
            version: 1
            name: roles
            targets: { organization: true }
            regions: [us-east-1]
            roles:
              - name: cabrole
                trustPolicy:
                  Version: 2012-10-17
                  Statement:
                    - Effect: Allow
                      Principal: { AWS: 123456789012 }
                      Action: sts:AssumeRole
            """;

        LayoutRole role = Assert.Single(LayoutParser.Parse(text, "roles.yaml").Roles);

        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}]}""", role.TrustPolicy);
        Assert.Equal("/", role.Path);
    }

    [Theory]
    [InlineData("name: cabvault", "name: c", "layout.yaml:11:11: vaults[0].name: \"c\" must be 2 to 50 letters")]
    [InlineData("key: cabkey", "key: otherkey", "layout.yaml:12:10: vaults[0].key: \"otherkey\" is neither a key of this layout")]
    [InlineData("lock: { minRetentionDays: 1, maxRetentionDays: 30 }", "lock: { minRetentionDays: 40, maxRetentionDays: 30 }",
        "layout.yaml:16:31: vaults[0].lock.minRetentionDays: 40 must not be greater than maxRetentionDays (30)")]
    [InlineData("    tags: { project: cab }", "    tagz: { project: cab }", "layout.yaml:17:5: vaults[0].tagz: unknown field")]
    [InlineData("${Region}", "${Regoin}", "layout.yaml:9:18: keys[0].description: unknown variable ${Regoin}")]
    [InlineData("regions: [us-east-1, eu-west-1]", "regions: [us-east-1, eu-west-9]", "layout.yaml:6:22: regions[1]: \"eu-west-9\" is not a region this server serves")]
    [InlineData("ou-ab12-11111111", "ou-bad", "layout.yaml:4:25: targets.organizationalUnits[0]: \"ou-bad\" is not an OU id")]
    [InlineData("version: 1", "version: 2", "layout.yaml:1:10: version: must be 1")]
    [InlineData("\"Resource\":\"*\"", "\"Resourze\":\"*\"", "layout.yaml:13:19: vaults[0].accessPolicy: is not a valid policy")]
    public void A_bad_file_names_the_file_the_line_and_the_field(string good, string bad, string expected)
    {
        string text = Minimal.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, text);

        LayoutValidationException e = Assert.Throws<LayoutValidationException>(() => LayoutParser.Parse(text, "layout.yaml", ["us-east-1", "eu-west-1"]));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        string text = Minimal.Replace("name: cab\n", "name: cab!\n", StringComparison.Ordinal).Replace("name: cabvault", "name: v", StringComparison.Ordinal);

        LayoutValidationException e = Assert.Throws<LayoutValidationException>(() => LayoutParser.Parse(text, "x.yaml"));

        Assert.Equal(["name", "vaults[0].name"], e.Errors.Select(x => x.Field));
        Assert.Equal(2, e.Message.Split('\n').Length);
    }

    [Fact]
    public void Missing_required_fields_and_broken_yaml_are_reported_with_a_line()
    {
        LayoutValidationException missing = Assert.Throws<LayoutValidationException>(() => LayoutParser.Parse("version: 1\nname: x\n", "l.yaml"));
        Assert.Contains("l.yaml:1:1: targets: is required", missing.Message, StringComparison.Ordinal);
        Assert.Contains("l.yaml:1:1: regions: is required", missing.Message, StringComparison.Ordinal);

        LayoutValidationException broken = Assert.Throws<LayoutValidationException>(() => LayoutParser.Parse("version: 1\nname: [x\n", "l.yaml"));
        Assert.StartsWith("l.yaml:", broken.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_render_escape_for_json_and_keep_dollar_text_without_braces()
    {
        string rendered = LayoutVariables.Render("""{"a":"${AccountName}","b":"$account","c":"$${Literal}"}""",
            name => name == "AccountName" ? "say \"hi\"" : null, json: true);

        Assert.Equal("""{"a":"say \"hi\"","b":"$account","c":"${Literal}"}""", rendered);
        Assert.Throws<KeyNotFoundException>(() => LayoutVariables.Render("${Nope}", _ => null, json: false));
        Assert.NotNull(LayoutVariables.Check("AccountId", LayoutVariables.Scope.Organization));
        Assert.Null(LayoutVariables.Check("Account:SourceAccount", LayoutVariables.Scope.Organization));
    }
}
