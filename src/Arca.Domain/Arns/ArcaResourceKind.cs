namespace Arca.Domain.Arns;

/// <summary>
/// The resource types native to Arca. Each has an ARN
/// <c>arn:aws:arca:REGION:ACCOUNT:TYPE/NAME</c> whose TYPE is the lower-case name given on each member.
/// </summary>
public enum ArcaResourceKind
{
    /// <summary>A file tree; ARN resource type <c>directory</c>.</summary>
    Directory,

    /// <summary>A SQLite database; ARN resource type <c>sqlite</c>.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database; ARN resource type <c>postgresql</c>.</summary>
    PostgreSql,
}
