using System.Reflection;

namespace Arca.Tests;

/// <summary>Dependencies point downward only (DESIGN.md §2, STYLE.md 2).</summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Arca.Domain"] = [],
        ["Arca.Storage"] = [],
        ["Arca.Control"] = ["Arca.Domain", "Arca.Storage"],
        ["Arca.WebConsole"] = [],
        ["Arca.Api"] = ["Arca.Domain", "Arca.Control", "Arca.WebConsole"],
        ["arca"] = ["Arca.Domain", "Arca.Storage", "Arca.Control", "Arca.Api", "Arca.WebConsole"],
    };

    [Fact]
    public void Every_assembly_references_only_the_layers_below_it()
    {
        var dir = AppContext.BaseDirectory;
        foreach (var (name, allowed) in Allowed)
        {
            var path = Path.Combine(dir, name + ".dll");
            Assert.True(File.Exists(path), $"{path} is missing");
            var refs = Assembly.LoadFrom(path).GetReferencedAssemblies()
                .Select(a => a.Name!)
                .Where(n => n.StartsWith("Arca", StringComparison.Ordinal) || n == "arca")
                .ToArray();
            var wrong = refs.Except(allowed).ToArray();
            Assert.True(wrong.Length == 0, $"{name} must not reference {string.Join(", ", wrong)}");
        }
    }
}
