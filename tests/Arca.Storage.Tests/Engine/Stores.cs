using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Engine;

/// <summary>Copies of in-memory stores, so a test can run an operation many times from the same starting state.</summary>
internal static class Stores
{
    public static async Task<MemoryBlobStore> CloneAsync(this MemoryBlobStore store)
    {
        var copy = new MemoryBlobStore();
        await foreach (var info in store.ListAsync(string.Empty))
        {
            await copy.TryCreateAsync(info.Key, await store.ReadAllAsync(info.Key));
        }

        return copy;
    }
}
