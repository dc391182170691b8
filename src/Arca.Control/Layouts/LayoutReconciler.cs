using System.Threading.Channels;
using Arca.Control.Organizations;

namespace Arca.Control.Layouts;

/// <summary>
/// Keeps stored layouts applied (docs/design/layout.md §5): an <see cref="IOrganizationTreeListener"/> that queues accounts that
/// joined, moved or left, so that <see cref="DrainAsync"/> applies the layouts of their organization to them (like service-managed
/// StackSets' automatic deployment); <see cref="ReconcileAllAsync"/> applies every stored layout again, repairing drift. The server's
/// host runs both: everything at start and every <see cref="SweepInterval"/>, the queue whenever <see cref="Wakes"/> has an item.
/// </summary>
/// <remarks>Thread-safe. The listener only queues (it never throws); a drain that fails puts its accounts back.</remarks>
public sealed class LayoutReconciler(LayoutService layouts) : IOrganizationTreeListener
{
    /// <summary>How often every stored layout is applied again.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(15);

    private readonly Lock _lock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Has an item while accounts are queued.</summary>
    public ChannelReader<bool> Wakes => _wake.Reader;

    /// <summary>The accounts queued now.</summary>
    public IReadOnlyCollection<string> Pending
    {
        get
        {
            lock (_lock)
            {
                return [.. _pending];
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask OnTreeChangedAsync(OrganizationTreeChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind is OrganizationTreeChangeKind.AccountJoined or OrganizationTreeChangeKind.AccountMoved or OrganizationTreeChangeKind.AccountRemoved)
        {
            lock (_lock)
            {
                _pending.Add(change.AccountId);
            }

            _wake.Writer.TryWrite(true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Applies the stored layouts to the queued accounts; returns how many layouts were applied.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        string[] accounts;
        lock (_lock)
        {
            accounts = [.. _pending];
            _pending.Clear();
        }

        if (accounts.Length == 0)
        {
            return 0;
        }

        try
        {
            return await layouts.ReconcileAsync(accounts, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _pending.UnionWith(accounts);
            }

            throw;
        }
    }

    /// <summary>Applies every stored layout again; returns how many.</summary>
    public Task<int> ReconcileAllAsync(CancellationToken cancellationToken = default) => layouts.ReconcileAsync(null, cancellationToken);
}
