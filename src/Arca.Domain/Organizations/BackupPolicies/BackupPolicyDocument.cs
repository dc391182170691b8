using Arca.Domain.Organizations.BackupPolicies.Internal;

namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>
/// A validated Organizations <c>BACKUP_POLICY</c> document, inheritance operators kept.
/// Immutable and thread-safe. Create it with <see cref="Parse"/> or <see cref="ParseOrThrow"/>.
/// </summary>
/// <remarks>The syntax and every check are described in docs/design/backup-policy-inheritance.md §2.</remarks>
public sealed class BackupPolicyDocument
{
    /// <summary>
    /// The largest document accepted, in Unicode characters, white space included (AWS
    /// Organizations quota for backup policies: 10,000 characters).
    /// </summary>
    public const int MaxCharacters = 10_000;

    private BackupPolicyDocument(PolicyNode root)
    {
        Root = root;
    }

    /// <summary>The parsed tree, for the inheritance engine.</summary>
    internal PolicyNode Root { get; }

    /// <summary>The plan names the document mentions, in document order.</summary>
    public IReadOnlyList<string> PlanNames =>
        Root.Children.SelectMany(static plans => plans.Children).Select(static plan => plan.Key).ToArray();

    /// <summary>
    /// Parses and validates <paramref name="content"/>. Never throws for bad content: every
    /// problem is returned, in document order, each naming the exact key and the reason.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static BackupPolicyParseResult Parse(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (root, errors) = BackupPolicyParser.Parse(content);
        return root is null
            ? new BackupPolicyParseResult(null, errors)
            : new BackupPolicyParseResult(new BackupPolicyDocument(root), []);
    }

    /// <summary>Parses <paramref name="content"/> or throws with every error found.</summary>
    /// <exception cref="MalformedBackupPolicyException">The document is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public static BackupPolicyDocument ParseOrThrow(string content)
    {
        var result = Parse(content);
        return result.Document ?? throw new MalformedBackupPolicyException(result.Errors);
    }
}
