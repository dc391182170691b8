namespace Arca.Storage.Tests;

/// <summary>Generates random source trees (seeded) and random mutations of them, for property tests.</summary>
public sealed class RandomTree(int seed)
{
    private static readonly string[] NameParts = ["a", "b", "data", "file", "Ü-ñ", "x y", "dot.ted", "-dash", "emoji-😀", "long" + new string('n', 100), "CAPS", "tab\tname", "new\nline", "q'uote"];
    private readonly Random _rng = new(seed);
    private int _counter;

    public void Build(string root, int entries = 40, int maxDepth = 4)
    {
        var dirs = new List<string> { root };
        for (var i = 0; i < entries; i++)
        {
            var dir = dirs[_rng.Next(dirs.Count)];
            var depth = Path.GetRelativePath(root, dir).Split('/').Length;
            var path = Path.Combine(dir, Name());
            switch (_rng.Next(10))
            {
                case 0 when depth < maxDepth:
                case 1 when depth < maxDepth:
                    Directory.CreateDirectory(path);
                    dirs.Add(path);
                    break;
                case 2:
                    var targets = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
                    File.CreateSymbolicLink(path, targets.Count > 0 && _rng.Next(2) == 0 ? Path.GetRelativePath(dir, targets[_rng.Next(targets.Count)]) : "/does/not/exist");
                    break;
                case 3:
                    var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null).ToList();
                    if (files.Count > 0)
                    {
                        Platform.Posix.Link(files[_rng.Next(files.Count)], path);
                    }

                    break;
                default:
                    WriteFile(path);
                    break;
            }
        }
    }

    /// <summary>Changes, adds, removes and renames entries.</summary>
    public void Mutate(string root, int changes = 10)
    {
        for (var i = 0; i < changes; i++)
        {
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => new FileInfo(f).LinkTarget is null).ToList();
            var dirs = Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Where(d => new FileInfo(d).LinkTarget is null).Prepend(root).ToList();
            switch (_rng.Next(5))
            {
                case 0 when files.Count > 0:
                    File.Delete(files[_rng.Next(files.Count)]);
                    break;
                case 1 when files.Count > 0:
                    var f = files[_rng.Next(files.Count)];
                    using (var s = new FileStream(f, FileMode.Open))
                    {
                        s.Position = _rng.NextInt64(s.Length + 1);
                        s.Write(Bytes(_rng.Next(1, 5000)));
                    }

                    break;
                case 2 when files.Count > 0:
                    var g = files[_rng.Next(files.Count)];
                    File.Move(g, Path.Combine(Path.GetDirectoryName(g)!, Name()));
                    break;
                default:
                    WriteFile(Path.Combine(dirs[_rng.Next(dirs.Count)], Name()));
                    break;
            }
        }
    }

    private void WriteFile(string path)
    {
        var size = _rng.Next(8) switch
        {
            0 => 0,
            1 => _rng.Next(1, 100),
            2 => 1024,
            3 => _rng.Next(16 * 1024, 80 * 1024),
            4 => 64 * 1024,
            _ => _rng.Next(100, 16 * 1024),
        };
        var data = _rng.Next(3) == 0 ? new byte[size] : Bytes(size);
        File.WriteAllBytes(path, data);
        File.SetLastWriteTimeUtc(path, DateTime.UnixEpoch.AddSeconds(1_600_000_000 + _rng.Next(100_000_000)).AddTicks(_rng.Next(10_000_000)));
        if (_rng.Next(4) == 0)
        {
            File.SetUnixFileMode(path, (UnixFileMode)_rng.Next(0x100, 0x200) | UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private byte[] Bytes(int size)
    {
        var data = new byte[size];
        if (_rng.Next(2) == 0)
        {
            _rng.NextBytes(data);
        }
        else
        {
            for (var i = 0; i < size; i++)
            {
                data[i] = (byte)"abcdefgh \n"[_rng.Next(10)];
            }
        }

        return data;
    }

    private string Name() => NameParts[_rng.Next(NameParts.Length)] + "-" + _counter++;
}
