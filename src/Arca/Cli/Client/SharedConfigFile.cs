namespace Arca.Cli.Client;

/// <summary>
/// An AWS shared config or credentials file: INI sections of <c>key = value</c> lines. In the credentials file a
/// section is the profile name; in the config file it is <c>profile NAME</c>, except <c>default</c>.
/// </summary>
internal sealed class SharedConfigFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private SharedConfigFile(Dictionary<string, Dictionary<string, string>> sections) => _sections = sections;

    public static SharedConfigFile Empty { get; } = new([]);

    /// <summary>Reads <paramref name="path"/>; a missing file is empty.</summary>
    public static SharedConfigFile Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;

    public static SharedConfigFile Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                string name = string.Join(' ', line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (!sections.TryGetValue(name, out current))
                {
                    current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    sections[name] = current;
                }

                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (current is not null && eq > 0)
            {
                current[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }

        return new SharedConfigFile(sections);
    }

    /// <summary>The value of <paramref name="key"/> in section <paramref name="section"/>, or null.</summary>
    public string? Get(string section, string key) =>
        _sections.TryGetValue(section, out Dictionary<string, string>? values) && values.TryGetValue(key, out string? value) && value.Length > 0 ? value : null;

    /// <summary>True when the section exists.</summary>
    public bool Has(string section) => _sections.ContainsKey(section);
}
