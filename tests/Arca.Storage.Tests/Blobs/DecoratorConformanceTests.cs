using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Blobs;

/// <summary>Decorators must not change the contract when they inject nothing.</summary>
public sealed class FaultInjectingBlobStoreConformanceTests : BlobStoreConformance
{
    protected override IBlobStore CreateStore() => new FaultInjectingBlobStore(new MemoryBlobStore());
}

public sealed class RetryingBlobStoreConformanceTests : BlobStoreConformance
{
    protected override IBlobStore CreateStore() =>
        new RetryingBlobStore(
            new FaultInjectingBlobStore(new MemoryBlobStore()) { TransientFailure = (call, _) => call % 3 == 0 },
            TimeProvider.System,
            attempts: 3,
            firstDelay: TimeSpan.Zero);
}
