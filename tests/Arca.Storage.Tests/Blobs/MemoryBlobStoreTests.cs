using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Blobs;

public sealed class MemoryBlobStoreTests : BlobStoreConformance
{
    protected override IBlobStore CreateStore() => new MemoryBlobStore();
}
