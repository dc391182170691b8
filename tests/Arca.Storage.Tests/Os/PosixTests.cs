using Arca.Storage.Platform;

namespace Arca.Storage.Tests.Os;

public sealed class PosixTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_no_replace_move_never_replaces_an_existing_file()
    {
        File.WriteAllText(_dir.Sub("from"), "new");
        File.WriteAllText(_dir.Sub("to"), "old");
        Assert.False(Posix.TryMoveNoReplace(_dir.Sub("from"), _dir.Sub("to")));
        Assert.Equal("old", File.ReadAllText(_dir.Sub("to")));
        Assert.True(File.Exists(_dir.Sub("from")));
    }

    [Fact]
    public void A_no_replace_move_to_a_free_name_moves_the_file()
    {
        File.WriteAllText(_dir.Sub("from"), "data");
        Assert.True(Posix.TryMoveNoReplace(_dir.Sub("from"), _dir.Sub("to")));
        Assert.Equal("data", File.ReadAllText(_dir.Sub("to")));
        Assert.False(File.Exists(_dir.Sub("from")));
    }

    [Fact]
    public void Many_racing_no_replace_moves_to_one_name_have_exactly_one_winner()
    {
        var sources = Enumerable.Range(0, 32).Select(i =>
        {
            var path = _dir.Sub("src" + i);
            File.WriteAllText(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return path;
        }).ToArray();
        using var start = new Barrier(sources.Length);
        var wins = sources.AsParallel().WithDegreeOfParallelism(sources.Length).Select(s =>
        {
            start.SignalAndWait();
            return Posix.TryMoveNoReplace(s, _dir.Sub("target"));
        }).Count(won => won);
        Assert.Equal(1, wins);
    }
}
