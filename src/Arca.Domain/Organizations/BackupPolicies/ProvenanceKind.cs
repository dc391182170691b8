namespace Arca.Domain.Organizations.BackupPolicies;

/// <summary>What a <see cref="ProvenanceEntry"/> describes.</summary>
public enum ProvenanceKind
{
    /// <summary>A map key (a plan, rule, copy action, selection, tag, condition or scanner): who added it.</summary>
    Key,

    /// <summary>A scalar value: who set the value in force.</summary>
    Value,

    /// <summary>One element of a list: who assigned or appended it.</summary>
    Element,
}
