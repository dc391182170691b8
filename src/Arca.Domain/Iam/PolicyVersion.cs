namespace Arca.Domain.Iam;

/// <summary>The policy language version named by a document's <c>Version</c> element.</summary>
public enum PolicyVersion
{
    /// <summary><c>2008-10-17</c>, also assumed when <c>Version</c> is absent: policy variables are plain text.</summary>
    Version20081017,

    /// <summary><c>2012-10-17</c>: policy variables such as <c>${aws:PrincipalAccount}</c> are substituted.</summary>
    Version20121017,
}
