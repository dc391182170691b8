namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>The outcome of <see cref="BackupPolicyDocument.Parse"/>.</summary>
/// <param name="Document">The parsed document, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every error found, in document order; empty when the document is valid.</param>
public sealed record BackupPolicyParseResult(BackupPolicyDocument? Document, IReadOnlyList<BackupPolicyError> Errors)
{
    /// <summary>True when the document parsed without errors.</summary>
    public bool IsValid => Document is not null;
}
