namespace Arca.Tests.Server;

/// <summary>
/// A fact of the backup service's end-to-end tests: skipped with the reason when the real clients or the PostgreSQL it
/// names are missing on this machine.
/// </summary>
public sealed class VaultServiceFactAttribute : FactAttribute
{
    public VaultServiceFactAttribute(bool postgreSql, params string[] clients)
    {
        Skip = clients.Select(c => new RealClientFactAttribute(c).Skip).FirstOrDefault(s => s is not null)
            ?? (postgreSql ? ThrowawayPostgres.SkipReason : null);
    }
}
