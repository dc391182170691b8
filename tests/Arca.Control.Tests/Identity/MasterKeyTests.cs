using System.Security.Cryptography;
using Arca.Control.Identity;

namespace Arca.Control.Tests.Identity;

public sealed class MasterKeyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("arca-key-").FullName;

    private string KeyPath => Path.Combine(_dir, "master.key");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_key_file_is_created_owner_only_and_reloaded_the_same()
    {
        MasterKey first = MasterKey.LoadOrCreate(KeyPath, null, out bool created);
        Assert.True(created);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        MasterKey second = MasterKey.LoadOrCreate(KeyPath, null, out created);
        Assert.False(created);
        Assert.Equal(first.Derive("p"), second.Derive("p"));
        Assert.NotEqual(first.Derive("p"), first.Derive("q"));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_file_and_no_file_is_written()
    {
        byte[] raw = RandomNumberGenerator.GetBytes(32);
        MasterKey key = MasterKey.LoadOrCreate(KeyPath, Convert.ToBase64String(raw), out bool created);
        Assert.False(created);
        Assert.False(File.Exists(KeyPath));
        Assert.Equal(MasterKey.FromBytes(raw).Derive("p"), key.Derive("p"));
    }

    [Fact]
    public void A_key_file_readable_by_others_or_malformed_is_refused()
    {
        MasterKey.LoadOrCreate(KeyPath, null, out _);
        File.SetUnixFileMode(KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.Contains("chmod 600", Assert.Throws<InvalidDataException>(() => MasterKey.LoadOrCreate(KeyPath, null, out _)).Message);
        Assert.Throws<InvalidDataException>(() => MasterKey.LoadOrCreate(KeyPath, "not base64!", out _));
        Assert.Throws<InvalidDataException>(() => MasterKey.LoadOrCreate(KeyPath, Convert.ToBase64String(new byte[16]), out _));
    }

    [Fact]
    public void ToString_never_shows_the_key() => Assert.Equal("MasterKey(***)", MasterKey.Generate().ToString());
}
