using System.Threading.Channels;

namespace Arca.Control.Backup.Vaults;

/// <summary>
/// Wakes the lifecycle sweeper early: a recovery point was deleted and its vault's garbage collection should run soon, or a
/// deletion was left for the sweeper to finish. Requests made while a sweep is pending coalesce into one.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class VaultMaintenanceQueue
{
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a sweep; returns at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>Completes when a sweep was requested (and consumes the request).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await _requests.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
