namespace Arca.Control.Sts;

/// <summary>The output of GetCallerIdentity.</summary>
/// <param name="UserId">The account id for a root; <c>AROA…:SessionName</c> for a session.</param>
/// <param name="Account">The account id.</param>
/// <param name="Arn">The caller's ARN.</param>
public sealed record CallerIdentityResult(string UserId, string Account, string Arn);
