namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// A problem found in a policy document or in an effective plan, naming the exact element.
/// </summary>
/// <param name="Path">
/// Dotted path of the offending element (<c>plans.p.rules.r.lifecycle.delete_after_days</c>);
/// empty for the document as a whole. For machines; <paramref name="Message"/> already names it.
/// </param>
/// <param name="Message">
/// The complete sentence shown to users, naming the element and the reason, e.g.
/// <c>plans.p.rules.r.lifecycle.delete_after_days: expected @@assign with a number 1-36500</c> or
/// <c>unknown key "shedule_expression" at plans.p.rules.r</c>.
/// </param>
public sealed record BackupPolicyError(string Path, string Message)
{
    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;
}
