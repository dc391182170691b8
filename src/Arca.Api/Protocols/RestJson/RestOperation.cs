namespace Arca.Api.Protocols.RestJson;

/// <summary>A restJson1 operation as its service model declares it.</summary>
/// <param name="Name">The operation name (<c>CreateBackupVault</c>).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="UriTemplate">The model's <c>requestUri</c>: <c>/backup-vaults/{backupVaultName}</c>, possibly with literal query keys (<c>?delete</c>).</param>
/// <param name="SuccessStatus">The status of a successful response (200 unless the model says otherwise).</param>
public sealed record RestOperation(string Name, string Method, string UriTemplate, int SuccessStatus = 200);
