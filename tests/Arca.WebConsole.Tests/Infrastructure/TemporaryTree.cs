namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>A temporary directory for resources to back up and restore into; deleted on dispose.</summary>
internal sealed class TemporaryTree : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("arca-console-data-").FullName;

    /// <summary>Creates <c>ROOT/name</c> holding the given files; returns its path.</summary>
    public string CreateDirectory(string name, params (string File, string Text)[] files)
    {
        string dir = Directory.CreateDirectory(Path.Combine(Root, name)).FullName;
        foreach ((string file, string text) in files)
        {
            File.WriteAllText(Path.Combine(dir, file), text);
        }

        return dir;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
