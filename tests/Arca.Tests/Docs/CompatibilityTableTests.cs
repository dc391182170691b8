namespace Arca.Tests.Docs;

/// <summary>
/// <c>docs/compatibility.md</c> says what the server really answers. With <c>ARCA_REGENERATE_DOCS=1</c> the test writes the
/// table instead (see <see cref="CompatibilityTable.RegenerateCommand"/>).
/// </summary>
public sealed class CompatibilityTableTests
{
    private static readonly string TablePath = Path.Combine(Repository.Root, "docs", "compatibility.md");
    private static readonly string NotesPath = Path.Combine(Repository.Root, "docs", "tools", "compatibility-notes.txt");

    [Fact]
    public async Task The_committed_compatibility_table_lists_exactly_what_the_server_implements()
    {
        ArcaOperations arca = await ArcaOperations.ReadAsync();
        CompatibilityNotes notes = CompatibilityNotes.Load(NotesPath);
        string committed = File.Exists(TablePath) ? await File.ReadAllTextAsync(TablePath) : string.Empty;
        Dictionary<string, Dictionary<string, bool>> listed = CompatibilityTable.Parse(committed);

        var operations = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach ((string service, _, _, _) in CompatibilityTable.Services)
        {
            SortedSet<string> all = AwsServiceModels.Operations(service);
            all.UnionWith(listed[service].Keys);
            all.UnionWith(arca.Implemented[service]);
            operations[service] = all;
        }

        string expected = CompatibilityTable.Render(operations, arca, notes);
        if (Environment.GetEnvironmentVariable("ARCA_REGENERATE_DOCS") == "1")
        {
            await File.WriteAllTextAsync(TablePath, expected);
            return;
        }

        var problems = new List<string>();
        foreach ((string service, _, _, _) in CompatibilityTable.Services)
        {
            foreach (string operation in operations[service])
            {
                bool implemented = arca.Implemented[service].Contains(operation);
                if (!listed[service].TryGetValue(operation, out bool says))
                {
                    problems.Add($"{service} {operation} is not listed");
                }
                else if (says != implemented)
                {
                    problems.Add($"{service} {operation} is listed as {(says ? "implemented" : "not implemented")} but is {(implemented ? "implemented" : "not")}");
                }
            }
        }

        foreach ((string service, string operation) in notes.Named)
        {
            if (!operations.TryGetValue(service, out SortedSet<string>? known)
                || !(known.Contains(operation) || arca.Extensions[service].Contains(operation)))
            {
                problems.Add($"the notes name {service} {operation}, which is neither an AWS operation nor an Arca extension");
            }
        }

        Assert.True(problems.Count == 0, "docs/compatibility.md is stale; regenerate it with\n  " + CompatibilityTable.RegenerateCommand + "\n"
            + string.Join('\n', problems));
        Assert.True(expected == committed, "docs/compatibility.md differs from what the generator writes (notes, extensions or layout); regenerate it with\n  "
            + CompatibilityTable.RegenerateCommand);
    }

    [Fact]
    public void The_table_parser_reads_what_the_renderer_writes()
    {
        var arca = new ArcaOperations(
            CompatibilityTable.Services.ToDictionary(s => s.Service, s => new SortedSet<string>(s.Service == "kms" ? ["Encrypt"] : [], StringComparer.Ordinal), StringComparer.Ordinal),
            CompatibilityTable.Services.ToDictionary(s => s.Service, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal));
        var operations = CompatibilityTable.Services.ToDictionary(
            s => s.Service, s => new SortedSet<string>(s.Service == "kms" ? ["Decrypt", "Encrypt"] : ["Other"], StringComparer.Ordinal), StringComparer.Ordinal);
        string notesFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(notesFile, "kms Encrypt: symmetric | only\n");
            Dictionary<string, Dictionary<string, bool>> parsed = CompatibilityTable.Parse(CompatibilityTable.Render(operations, arca, CompatibilityNotes.Load(notesFile)));
            Assert.Equal(new Dictionary<string, bool> { ["Decrypt"] = false, ["Encrypt"] = true }, parsed["kms"]);
            Assert.Equal(new Dictionary<string, bool> { ["Other"] = false }, parsed["iam"]);
        }
        finally
        {
            File.Delete(notesFile);
        }
    }
}
