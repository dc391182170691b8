namespace Arca.Control.Organizations.Internal;

/// <summary>
/// Persisted attachment of a policy to a root, OU or account. <see cref="Sequence"/> orders the policies of one target by
/// attachment (first attached first): it decides same-target conflicts of backup policies.
/// </summary>
internal sealed record PolicyAttachmentRecord
{
    public required string OrganizationId { get; init; }

    public required string PolicyId { get; init; }

    public required string TargetId { get; init; }

    /// <summary>One more than the greatest sequence on the target when attached; detaching and attaching again puts a policy last.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset AttachedAt { get; init; }
}
