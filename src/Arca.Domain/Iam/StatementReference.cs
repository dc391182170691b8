namespace Arca.Domain.Iam;

/// <summary>Identifies a statement that took part in a decision.</summary>
/// <param name="PolicyName">The <see cref="NamedPolicy.Name"/> of its policy.</param>
/// <param name="Index">Its index in the policy's statements.</param>
/// <param name="Sid">Its Sid, if any.</param>
public sealed record StatementReference(string PolicyName, int Index, string? Sid)
{
    internal static StatementReference Of(NamedPolicy policy, PolicyStatement statement) =>
        new(policy.Name, statement.Index, statement.Sid);

    /// <summary><c>vault access policy Statement[1] (Sid "DenyDelete")</c>.</summary>
    public override string ToString() =>
        Sid is null ? $"{PolicyName} Statement[{Index}]" : $"{PolicyName} Statement[{Index}] (Sid \"{Sid}\")";
}
