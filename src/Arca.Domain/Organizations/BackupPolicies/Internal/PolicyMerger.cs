namespace Arca.Domain.Organizations.BackupPolicies.Internal;

/// <summary>
/// Merges one attached policy into the effective tree: applies value-setting operators where the
/// inherited child controls allow them, records the policy's own child controls (in force from
/// the next level) and reports what it had to ignore. See the design note §3.
/// </summary>
internal sealed class PolicyMerger(PolicySource source, int level, List<PolicyDiagnostic> diagnostics)
{
    /// <summary>Merges <paramref name="node"/> (from the policy) into <paramref name="target"/>.</summary>
    public void Merge(EffectiveNode target, PolicyNode node)
    {
        if (node.ChildControl is { } control)
        {
            target.RecordChildControl(control, source);
        }

        switch (target.Schema.Kind)
        {
            case SchemaNodeKind.Object:
                foreach (var child in node.Children)
                {
                    Merge(target.Find(child.Key) ?? target.AddSetting(child.Schema), child);
                }

                break;
            case SchemaNodeKind.Map:
                MergeMap(target, node);
                break;
            case SchemaNodeKind.Scalar:
                MergeScalar(target, node);
                break;
            default:
                MergeList(target, node);
                break;
        }
    }

    private void MergeMap(EffectiveNode target, PolicyNode node)
    {
        foreach (var child in node.Children)
        {
            var entry = target.Find(child.Key);
            if (entry is null)
            {
                if (!target.Allows(InheritanceOperators.Append))
                {
                    ReportNotAllowed(target, PolicyPath.Append(target.Path, child.Key), InheritanceOperators.Append, $"new key \"{child.Key}\" under {target.Path} (adding a key counts as @@append)");
                    continue;
                }

                entry = target.AddEntry(child.Key, source);
            }

            Merge(entry, child);
        }
    }

    private void MergeScalar(EffectiveNode target, PolicyNode node)
    {
        if (node.Operator == InheritanceOperators.None || !IsAllowed(target, node.Operator) || IsSameLevelConflict(target, node.Operator))
        {
            return;
        }

        target.Scalar = new SourcedValue(node.Scalar!, source);
        target.MarkWritten(level, source);
    }

    private void MergeList(EffectiveNode target, PolicyNode node)
    {
        if (node.Operator == InheritanceOperators.None || !IsAllowed(target, node.Operator))
        {
            return;
        }

        switch (node.Operator)
        {
            case InheritanceOperators.Assign when IsSameLevelConflict(target, node.Operator):
                return;
            case InheritanceOperators.Assign:
                target.Items.Clear();
                AddItems(target, node.Items);
                break;
            case InheritanceOperators.Append:
                AddItems(target, node.Items);
                break;
            default:
                target.Items.RemoveAll(item => node.Items.Contains(item.Value, StringComparer.Ordinal));
                break;
        }

        target.MarkWritten(level, source);
    }

    private void AddItems(EffectiveNode target, IReadOnlyList<string> items)
    {
        target.ListIsSet = true;
        foreach (var item in items)
        {
            if (!target.Items.Exists(existing => existing.Value == item))
            {
                target.Items.Add(new SourcedValue(item, source));
            }
        }
    }

    private bool IsAllowed(EffectiveNode target, InheritanceOperators op)
    {
        if (target.Allows(op))
        {
            return true;
        }

        ReportNotAllowed(target, target.Path, op, $"{LeafParser.OperatorName(op)} on {target.Path}");
        return false;
    }

    private bool IsSameLevelConflict(EffectiveNode target, InheritanceOperators op)
    {
        if (target.WrittenAtLevel != level || target.WrittenBy is not { } first || first == source)
        {
            return false;
        }

        var message = $"ignored {LeafParser.OperatorName(op)} on {target.Path} by {source}: policy {first.PolicyId} ({first.PolicyName}), "
            + "attached earlier to the same target, already set this value (first-attached wins)";
        diagnostics.Add(new PolicyDiagnostic(PolicyDiagnosticKind.SameLevelConflict, target.Path, source, message));
        return true;
    }

    private void ReportNotAllowed(EffectiveNode target, string path, InheritanceOperators op, string what)
    {
        var setBy = string.Join(", ", target.ForbiddenBy(op).Select(static s => s.ToString()));
        var message = $"ignored {what} by {source}: {LeafParser.OperatorName(op)} is not allowed here for child policies "
            + $"(allowed: {Describe(target.Allowed)}; set by {setBy})";
        diagnostics.Add(new PolicyDiagnostic(PolicyDiagnosticKind.OperatorNotAllowed, path, source, message));
    }

    private static string Describe(InheritanceOperators allowed) => allowed == InheritanceOperators.None
        ? "@@none"
        : string.Join(", ", new[] { InheritanceOperators.Assign, InheritanceOperators.Append, InheritanceOperators.Remove }
            .Where(op => (allowed & op) != 0)
            .Select(LeafParser.OperatorName));
}
