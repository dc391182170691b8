using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Arca.Cli.Layouts;

/// <summary>Plain-text rendering of <c>ArcaLayouts</c> answers for <c>arca apply</c> and <c>arca destroy</c> (docs/design/layout.md §8).</summary>
internal static class LayoutOutput
{
    /// <summary>The plan: a header, one line per change (<c>+</c> create, <c>~</c> update, <c>-</c> delete), and the counts.</summary>
    public static string Plan(JsonObject plan, string verb)
    {
        JsonArray changes = plan["Changes"]?.AsArray() ?? [];
        JsonArray instances = plan["Instances"]?.AsArray() ?? [];
        int accounts = instances.Select(i => Text(i?["AccountId"])).Distinct().Count();
        int regions = instances.Select(i => Text(i?["Region"])).Distinct().Count();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{verb}: layout {Text(plan["LayoutName"])} in {Text(plan["OrganizationId"])}: {accounts} account(s) x {regions} region(s)");
        foreach (JsonNode? instance in instances.Where(i => Text(i?["Status"]) == "FAILED"))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{verb}: {Text(instance?["AccountId"]),-12} {Text(instance?["Region"]),-10} FAILED  {Text(instance?["Reason"])}");
        }

        if (changes.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{verb}: no changes");
            return text.ToString();
        }

        int typeWidth = changes.Max(c => Text(c?["ResourceType"]).Length);
        foreach (JsonNode? change in changes)
        {
            string action = Text(change?["Action"]);
            string sign = action switch { "CREATE" => "+", "DELETE" => "-", _ => "~" };
            string details = action == "UPDATE" ? ": " + string.Join("; ", change?["Details"]?.AsArray().Select(Text) ?? []) : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"  {sign} {Text(change?["AccountId"]),-12} {Text(change?["Region"]),-10} {Text(change?["ResourceType"]).PadRight(typeWidth)}  {Text(change?["Name"])}{details}");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{verb}: {Count(changes, "CREATE")} to create, {Count(changes, "UPDATE")} to update, {Count(changes, "DELETE")} to delete");
        return text.ToString();
    }

    /// <summary>What an apply or destroy did: failed changes, one line per instance, and the counts.</summary>
    public static string Outcome(JsonObject answer, string verb)
    {
        var text = new StringBuilder();
        foreach (JsonNode? change in answer["Changes"]?.AsArray().Where(c => Text(c?["Outcome"]) == "FAILED") ?? [])
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{verb}: failed: {Text(change?["AccountId"])} {Text(change?["Region"])} {Text(change?["ResourceType"])} {Text(change?["Name"])}: {Text(change?["Reason"])}");
        }

        JsonArray instances = answer["Instances"]?.AsArray() ?? [];
        foreach (JsonNode? instance in instances)
        {
            string reason = instance?["Reason"] is { } r ? "  " + r.GetValue<string>() : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"{verb}: {Text(instance?["AccountId"]),-12} {Text(instance?["Region"]),-10} {Text(instance?["Status"])}{reason}");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"{verb}: {Count(instances, "CURRENT", "Status")} CURRENT, {Count(instances, "OUTDATED", "Status")} OUTDATED, {Count(instances, "FAILED", "Status")} FAILED");
        return text.ToString();
    }

    public static bool AnyFailed(JsonObject answer) => answer["Instances"]?.AsArray().Any(i => Text(i?["Status"]) == "FAILED") ?? false;

    private static int Count(JsonArray items, string value, string field = "Action") => items.Count(i => Text(i?[field]) == value);

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "-";
}
