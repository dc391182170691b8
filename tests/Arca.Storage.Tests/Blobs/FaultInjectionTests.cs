using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Blobs;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task After_the_simulated_crash_every_call_fails_and_earlier_writes_stay()
    {
        var inner = new MemoryBlobStore();
        var store = new FaultInjectingBlobStore(inner) { CrashAfterWrites = 2 };
        await store.TryCreateAsync("a", new byte[1]);
        await store.TryCreateAsync("b", new byte[1]);
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await store.TryCreateAsync("c", new byte[1]));
        await Assert.ThrowsAsync<SimulatedCrashException>(async () => await store.ReadAllAsync("a"));
        Assert.Equal(2, inner.Count);
    }

    [Fact]
    public async Task Retrying_store_gives_up_after_its_attempts()
    {
        var store = new RetryingBlobStore(
            new FaultInjectingBlobStore(new MemoryBlobStore()) { TransientFailure = (_, _) => true },
            TimeProvider.System,
            attempts: 3,
            firstDelay: TimeSpan.Zero);
        await Assert.ThrowsAsync<TransientBlobStoreException>(async () => await store.ReadAllAsync("x"));
    }
}
