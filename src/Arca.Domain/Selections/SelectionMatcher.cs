namespace Arca.Domain.Selections;

/// <summary>
/// Decides whether a <see cref="BackupSelection"/> selects a resource. Pure and thread-safe.
/// </summary>
/// <remarks>
/// AWS documents each member's own rule (Resources and ListOfTags are ORs, Conditions an AND, NotResources an
/// exclusion, opt-in only for tag and wildcard assignments) but not how they combine (reference §2.3: inferred).
/// Arca combines them in this order:
/// <list type="number">
/// <item><b>NotResources</b>: a resource matching any entry is never selected.</item>
/// <item><b>Inclusion</b>: a resource whose ARN is listed exactly in Resources is included whatever its type's
/// opt-in. Otherwise it is included when a wildcard entry of Resources matches its ARN, or any ListOfTags
/// condition holds, or Resources and ListOfTags are both empty (the selection then means "everything") —
/// and in these three cases only when its resource type is opted in.</item>
/// <item><b>Conditions</b>: an included resource is selected only when every condition holds.</item>
/// </list>
/// So: selected = ((exact ∪ opted-in ∩ (wildcard ∪ tags ∪ all)) ∩ Conditions) − NotResources. Tag keys and values
/// are compared case-sensitively; entries that are not valid ARN patterns (which validation refuses) match nothing.
/// </remarks>
public static class SelectionMatcher
{
    /// <summary>Whether <paramref name="selection"/> selects <paramref name="resource"/>.</summary>
    public static bool Matches(BackupSelection selection, SelectionCandidate resource) => Decide(selection, resource).IsSelected;

    /// <summary>The decision with its reason.</summary>
    public static SelectionDecision Decide(BackupSelection selection, SelectionCandidate resource)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(resource);
        if (FirstMatch(selection.NotResources, resource.Arn, wildcards: null) is { } excluded)
        {
            return new SelectionDecision(false, $"excluded by NotResources[{excluded.Index}] '{excluded.Text}'");
        }

        SelectionDecision included = Include(selection, resource);
        if (!included.IsSelected)
        {
            return included;
        }

        string? failed = SelectionConditionEvaluator.FirstFailure(selection.Conditions, resource.Tags);
        return failed is null ? included : new SelectionDecision(false, $"{included.Reason}, but condition {failed} does not hold");
    }

    private static SelectionDecision Include(BackupSelection selection, SelectionCandidate resource)
    {
        if (FirstMatch(selection.Resources, resource.Arn, wildcards: false) is { } exact)
        {
            return new SelectionDecision(true, $"listed in Resources[{exact.Index}]");
        }

        string? reason = null;
        if (FirstMatch(selection.Resources, resource.Arn, wildcards: true) is { } wildcard)
        {
            reason = $"matched by Resources[{wildcard.Index}] '{wildcard.Text}'";
        }
        else if (FirstTag(selection.ListOfTags, resource.Tags) is int tag)
        {
            reason = $"tagged as ListOfTags[{tag}] asks";
        }
        else if ((selection.Resources?.Count ?? 0) == 0 && (selection.ListOfTags?.Count ?? 0) == 0)
        {
            reason = "selected because the selection names no Resources and no ListOfTags (every resource)";
        }

        if (reason is null)
        {
            return new SelectionDecision(false, "matches neither Resources nor ListOfTags");
        }

        return resource.OptedIn
            ? new SelectionDecision(true, reason)
            : new SelectionDecision(false, $"{reason}, but resource type {resource.ResourceType} is not opted in (only resources listed by exact ARN are selected then)");
    }

    private static (int Index, string Text)? FirstMatch(IReadOnlyList<string>? entries, string arn, bool? wildcards)
    {
        for (int i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (ResourcePattern.TryParse(entries![i], out ResourcePattern? pattern, out _)
                && (wildcards is null || pattern.HasWildcards == wildcards)
                && pattern.Matches(arn))
            {
                return (i, pattern.Text);
            }
        }

        return null;
    }

    private static int? FirstTag(IReadOnlyList<TagCondition>? tags, IReadOnlyDictionary<string, string> resourceTags)
    {
        for (int i = 0; i < (tags?.Count ?? 0); i++)
        {
            TagCondition? tag = tags![i];
            if (tag is { ConditionType: TagCondition.StringEquals, ConditionKey: { } key, ConditionValue: { } value }
                && resourceTags.TryGetValue(key, out string? actual) && actual == value)
            {
                return i;
            }
        }

        return null;
    }
}
