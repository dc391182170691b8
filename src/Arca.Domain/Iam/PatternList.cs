using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>
/// The values of <c>Action</c>/<c>NotAction</c> or <c>Resource</c>/<c>NotResource</c>: IAM globs
/// (<c>*</c>, <c>?</c>). <see cref="IsNegated"/> is true for the <c>Not…</c> form, which matches
/// everything the values do not.
/// </summary>
/// <param name="Values">The patterns, never empty, in document order.</param>
/// <param name="IsNegated">Whether the element was <c>NotAction</c> or <c>NotResource</c>.</param>
public sealed record PatternList(ImmutableArray<string> Values, bool IsNegated);
