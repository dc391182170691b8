using System.Text.Json;

using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// A golden case directory: case.json names the path (levels, targets, policies in attachment
/// order, each policy's document file) and the materializations to check.
/// </summary>
internal sealed record GoldenCase(string Name, string Description, IReadOnlyList<PolicyTargetLevel> Levels, IReadOnlyList<GoldenMaterialization> Materializations)
{
    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(GoldenFiles.Directory)
            .Select(Path.GetFileName)
            .Where(name => name != "Malformed")
            .Order(StringComparer.Ordinal)!;

    public static GoldenCase Load(string name)
    {
        using var json = JsonDocument.Parse(GoldenFiles.Read(name, "case.json"));
        var root = json.RootElement;
        var levels = root.GetProperty("levels").EnumerateArray().Select(level => new PolicyTargetLevel(
            level.GetProperty("targetId").GetString()!,
            level.GetProperty("policies").EnumerateArray().Select(policy => new BackupPolicyAttachment(
                policy.GetProperty("id").GetString()!,
                policy.GetProperty("name").GetString()!,
                BackupPolicyDocument.ParseOrThrow(GoldenFiles.Read(name, policy.GetProperty("file").GetString()!)))).ToArray())).ToArray();
        var materializations = root.TryGetProperty("materialize", out var list)
            ? list.EnumerateArray().Select(m => new GoldenMaterialization(
                m.GetProperty("plan").GetString()!,
                m.GetProperty("accountId").GetString()!,
                m.GetProperty("region").GetString()!,
                m.GetProperty("file").GetString())).ToArray()
            : [];
        return new GoldenCase(name, root.GetProperty("description").GetString()!, levels, materializations);
    }
}

/// <summary>Materialize <paramref name="Plan"/> for an account and Region; File null means "not in this Region".</summary>
internal sealed record GoldenMaterialization(string Plan, string AccountId, string Region, string? File);
