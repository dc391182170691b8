using Arca.Domain.Iam;

namespace Arca.Control.Backup.Vaults;

/// <summary>Whether a copy may go into a vault, and the message a copy job fails with when not.</summary>
/// <param name="IsAllowed">True when the copy may proceed.</param>
/// <param name="Message">Null when allowed; otherwise AWS Backup's job message, <see cref="CopyIntoAuthorizer.AccessDeniedMessage"/>.</param>
/// <param name="Decision">The evaluator's decision with its reason (for logs and job details; it may name the destination's policy).</param>
public sealed record CopyIntoDecision(bool IsAllowed, string? Message, AccessDecision Decision);
