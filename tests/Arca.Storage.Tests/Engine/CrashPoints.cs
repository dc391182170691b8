using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Engine;

/// <summary>Running an operation against a store that crashes after its k-th write, for every k.</summary>
internal static class CrashPoints
{
    /// <summary>The creates and deletes of one uninterrupted run, on a copy of <paramref name="store"/>.</summary>
    public static async Task<int> CountWritesAsync(MemoryBlobStore store, Func<IBlobStore, Task> operation)
    {
        var counting = new FaultInjectingBlobStore(await store.CloneAsync());
        await operation(counting);
        return (int)counting.Writes;
    }

    /// <summary>Runs an operation; returns its result, or the exception it failed with.</summary>
    public static async Task<(T? Result, Exception? Failure)> RunAsync<T>(Func<Task<T>> operation)
        where T : class
    {
        try
        {
            return (await operation(), null);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return (null, e);
        }
    }

    /// <summary>A run fails only because of the crash, and says so (never as a cancellation).</summary>
    public static void AssertCrashedOrDone(int k, int writes, FaultInjectingBlobStore faulty, Exception? failure)
    {
        Assert.True(k < writes || !faulty.Crashed, $"the run at crash point {k} of {writes} crashed");
        if (failure is null)
        {
            return;
        }

        Assert.True(faulty.Crashed, $"crash point {k}: failed without crashing: {failure}");
        Assert.False(failure is OperationCanceledException, $"crash point {k}: the crash surfaced as a cancellation: {failure}");
        for (var e = failure; e is not SimulatedCrashException; e = e.InnerException)
        {
            Assert.True(e is not null, $"crash point {k}: the failure does not carry the store's error: {failure}");
        }
    }
}
