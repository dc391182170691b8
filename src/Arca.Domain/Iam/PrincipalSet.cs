using System.Collections.Immutable;

namespace Arca.Domain.Iam;

/// <summary>The principals named by a statement's <c>Principal</c> or <c>NotPrincipal</c> element.</summary>
/// <param name="IsWildcard">
/// True for <c>"*"</c> or <c>{"AWS": "*"}</c> (which AWS treats alike): every principal, including services.
/// </param>
/// <param name="Aws">
/// The <c>AWS</c> principals as ARNs. A bare account id is stored as its root ARN
/// <c>arn:aws:iam::ACCOUNT:root</c>, as AWS stores it.
/// </param>
/// <param name="Services">The <c>Service</c> principals, such as <c>backup.amazonaws.com</c>.</param>
public sealed record PrincipalSet(bool IsWildcard, ImmutableArray<string> Aws, ImmutableArray<string> Services);
