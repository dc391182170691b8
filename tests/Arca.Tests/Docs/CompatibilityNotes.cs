namespace Arca.Tests.Docs;

/// <summary>
/// <c>docs/tools/compatibility-notes.txt</c>: one line per difference, <c>service Operation: text</c> (several lines for one
/// operation are joined), or <c>service *: text</c> for a difference of the whole service; <c>#</c> starts a comment.
/// </summary>
internal sealed class CompatibilityNotes
{
    private readonly Dictionary<(string Service, string Operation), List<string>> _notes = [];

    private CompatibilityNotes()
    {
    }

    /// <summary>Every (service, operation) a note names, for checking that each names a real operation.</summary>
    public IEnumerable<(string Service, string Operation)> Named => _notes.Keys.Where(k => k.Operation != "*");

    public static CompatibilityNotes Load(string path)
    {
        var notes = new CompatibilityNotes();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (space <= 0 || colon <= space)
            {
                throw new InvalidDataException($"{path}:{number}: expected 'service Operation: text'");
            }

            (string, string) key = (line[..space], line[(space + 1)..colon]);
            if (!notes._notes.TryGetValue(key, out List<string>? texts))
            {
                notes._notes[key] = texts = [];
            }

            texts.Add(line[(colon + 2)..].Replace("|", "\\|", StringComparison.Ordinal));
        }

        return notes;
    }

    public string For(string service, string operation) =>
        _notes.TryGetValue((service, operation), out List<string>? texts) ? string.Join(" ", texts) : string.Empty;

    public IReadOnlyList<string> General(string service) => _notes.GetValueOrDefault((service, "*")) ?? [];
}
