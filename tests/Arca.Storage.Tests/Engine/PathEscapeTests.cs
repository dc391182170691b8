using System.Text;
using Arca.Storage.Format;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Storage.Tests.Engine;

/// <summary>
/// A restore never writes outside its target (DESIGN.md §4): recovery points forged with names that
/// climb out, hide a separator, repeat, or put a symlink where a directory follows are refused with
/// an error naming the entry, and nothing appears outside the target.
/// </summary>
public sealed class PathEscapeTests : IDisposable
{
    private readonly VaultFixture _f = new();
    private readonly string _jail;
    private readonly string _target;

    public PathEscapeTests()
    {
        _jail = _f.Dir.Sub("jail");
        _target = Path.Combine(_jail, "target");
        Directory.CreateDirectory(_jail);
    }

    public enum Attack
    {
        DotDot,
        SlashInName,
        AbsoluteName,
        Empty,
        Dot,
        Nul,
        Duplicate,
        SymlinkThenDirectory,
    }

    public static TheoryData<Attack, bool> Attacks()
    {
        var data = new TheoryData<Attack, bool>();
        foreach (var attack in Enum.GetValues<Attack>())
        {
            data.Add(attack, false);
            data.Add(attack, true);
        }

        return data;
    }

    public void Dispose() => _f.Dispose();

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_forged_entry_is_refused_by_name_and_nothing_is_written_outside_the_target(Attack attack, bool nested)
    {
        var vault = await _f.InitAsync();
        BlobId rp;
        string named;
        var forge = new RecoveryPointForge(vault);
        await using (forge)
        {
            var (nodes, fragment) = await CraftAsync(forge, attack);
            named = fragment;
            var zz = await forge.FileAsync("zz.txt", Encoding.UTF8.GetBytes("fine"));
            rp = nested
                ? await forge.CommitAsync(await forge.DirectoryAsync("sub", [.. nodes, zz]), await forge.FileAsync("top.txt", [1, 2, 3]))
                : await forge.CommitAsync([.. nodes, zz]);
        }

        var reader = (await _f.OpenAsync()).Reader;
        if (nested)
        {
            var result = await DirectoryRestore.RunAsync(reader, rp, _target, new RestoreOptions());
            var error = Assert.Single(result.Errors);
            Assert.Equal("sub", error.Path);
            Assert.Contains(named, error.Reason, StringComparison.Ordinal);
            Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(_target, "top.txt")));
        }
        else
        {
            var e = await Assert.ThrowsAsync<RestoreException>(() => DirectoryRestore.RunAsync(reader, rp, _target, new RestoreOptions()));
            Assert.Contains(named, e.Message, StringComparison.Ordinal);
        }

        Assert.Equal([_target], Directory.EnumerateFileSystemEntries(_jail));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_f.Dir.Path, "escaped*", SearchOption.AllDirectories));
        var report = await VaultVerifier.RunAsync((await _f.OpenAsync()).Reader, null, 2);
        var reported = Assert.Single(report.Errors);
        Assert.Equal((rp.ToString(), nested ? "sub" : "."), (reported.RecoveryPoint, reported.Path));
    }

    /// <summary>The malicious nodes, and the text the refusal must contain to name them.</summary>
    private async Task<(TreeNode[] Nodes, string Named)> CraftAsync(RecoveryPointForge forge, Attack attack)
    {
        var payload = Encoding.UTF8.GetBytes("written outside the target");
        var outside = Path.Combine(_jail, "escaped.txt");
        return attack switch
        {
            Attack.DotDot => ([await forge.DirectoryAsync("..", await forge.FileAsync("escaped.txt", payload))], "'..'"),
            Attack.SlashInName => ([await forge.FileAsync("../escaped.txt", payload)], "'../escaped.txt'"),
            Attack.AbsoluteName => ([await forge.FileAsync(outside, payload)], $"'{outside}'"),
            Attack.Empty => ([await forge.FileAsync(string.Empty, payload)], "''"),
            Attack.Dot => ([await forge.DirectoryAsync(".", await forge.FileAsync("escaped.txt", payload))], "'.'"),
            Attack.Nul => ([await forge.FileAsync("escaped.txt\0.sh", payload)], "'escaped.txt\0.sh'"),
            Attack.Duplicate => ([await forge.FileAsync("x", [1]), await forge.FileAsync("x", payload)], "('x', 'x')"),
            Attack.SymlinkThenDirectory => (
                [RecoveryPointForge.Symlink("x", _jail), await forge.DirectoryAsync("x", await forge.FileAsync("escaped.txt", payload))],
                "('x', 'x')"),
            _ => throw new ArgumentOutOfRangeException(nameof(attack)),
        };
    }
}
