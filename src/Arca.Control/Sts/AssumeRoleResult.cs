using Arca.Control.Identity;

namespace Arca.Control.Sts;

/// <summary>The output of AssumeRole: temporary credentials and the session's identity.</summary>
/// <param name="Credentials">Key id, secret, session token and expiry.</param>
/// <param name="AssumedRoleId"><c>AROA…:SessionName</c>.</param>
/// <param name="AssumedRoleArn"><c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</param>
public sealed record AssumeRoleResult(IssuedAccessKey Credentials, string AssumedRoleId, string AssumedRoleArn);
