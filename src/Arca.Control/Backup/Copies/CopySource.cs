using Arca.Storage.Copy;

namespace Arca.Control.Backup.Copies;

/// <summary>An opened copy source: what the engine copy reads, and what holds the source open until disposed.</summary>
public sealed class CopySource(IRecoveryPointSource source, IAsyncDisposable? hold) : IAsyncDisposable
{
    public IRecoveryPointSource Source { get; } = source;

    public async ValueTask DisposeAsync()
    {
        if (hold is not null)
        {
            await hold.DisposeAsync().ConfigureAwait(false);
        }
    }
}
