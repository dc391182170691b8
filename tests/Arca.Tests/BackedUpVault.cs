namespace Arca.Tests;

/// <summary>A vault holding one backup of the small tree, shared by tests that only read it.</summary>
public sealed class BackedUpVault : IAsyncLifetime, IDisposable
{
    private CliVault? _vault;

    public SourceTrees Trees { get; } = new();

    internal CliVault Vault => _vault ?? throw new InvalidOperationException("not initialized");

    public string Id { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _vault = await CliVault.InitAsync(Trees);
        Id = await _vault.BackupAsync(Trees.Small);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Trees.Dispose();
}
