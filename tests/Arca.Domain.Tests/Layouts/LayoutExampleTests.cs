using Arca.Domain.Layouts;

namespace Arca.Domain.Tests.Layouts;

/// <summary>The example layout of the docs (docs/examples/cab.layout.yaml, the one in docs/design/layout.md) loads.</summary>
public sealed class LayoutExampleTests
{
    [Fact]
    public void The_documented_tutorial_layout_loads()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "examples", "cab.layout.yaml");

        Layout layout = LayoutParser.Parse(File.ReadAllText(path), "cab.layout.yaml", ["us-east-1", "eu-west-1"]);

        Assert.Equal(("cab", "cabrole", "alias/cabkey", "cabvault", "cabpolicy"),
            (layout.Name, layout.Roles[0].Name, layout.Keys[0].AliasName, layout.Vaults[0].Name, layout.BackupPolicies[0].Name));
        Assert.Equal(["${Account:SourceAccount}"], layout.BackupPolicies[0].Attachments);
        Assert.True(layout.Targets.Organization);
    }

    [Fact]
    public void The_documented_layout_without_backup_policies_loads()
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "tutorial", "cab-layout.yaml");

        Layout layout = LayoutParser.Parse(File.ReadAllText(path), "cab-layout.yaml", ["us-east-1", "eu-west-1"]);

        Assert.Empty(layout.BackupPolicies);
        Assert.Equal((1, 1, 1), (layout.Roles.Count, layout.Keys.Count, layout.Vaults.Count));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Arca.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Arca.slnx not found above " + AppContext.BaseDirectory);
    }
}
