namespace Arca.Control.Backup.Vaults;

/// <summary>Who copies into which vault, for <see cref="CopyIntoAuthorizer.AuthorizeCopyIntoAsync"/>.</summary>
/// <param name="SourceAccountId">The account the copy comes from (the copy job's account).</param>
/// <param name="IamRoleArn">The copy job's role in the source account (the principal the vault policy sees); null for the source account itself.</param>
/// <param name="DestinationBackupVaultArn">The vault to copy into, in any account and served region.</param>
public sealed record CopyIntoRequest(string SourceAccountId, string? IamRoleArn, string DestinationBackupVaultArn);
