using Arca.Control.Metadata;

namespace Arca.Control.Tests.Metadata;

public sealed class InMemoryMetadataStoreTests : MetadataStoreConformance
{
    protected override Task<IMetadataStore> OpenAsync() => Task.FromResult<IMetadataStore>(new InMemoryMetadataStore());
}
