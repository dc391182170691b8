using Arca.Storage.Backup;
using Arca.Storage.Format;
using Arca.Storage.Repository;
using Arca.Storage.Resources;
using Arca.Storage.Tests.Engine;

namespace Arca.Storage.Tests.Resources;

/// <summary>
/// The one conformance suite every <see cref="IResourceType"/> passes (STYLE.md 5). A type's test class
/// derives from it and supplies sources, targets and a description of the data the type promises to
/// reproduce; the suite proves validation, the round trip, tagging, restore metadata, refusal of existing
/// targets and clean failure.
/// </summary>
public abstract class ResourceTypeConformance : IDisposable
{
    protected VaultFixture Fixture { get; } = new();

    /// <summary>The type under test.</summary>
    protected abstract IResourceType Type { get; }

    /// <summary>The persisted name the type must have.</summary>
    protected abstract string ExpectedName { get; }

    /// <summary>The documented restore metadata keys (docs/design/resources.md §4).</summary>
    protected abstract IReadOnlyList<string> ExpectedMetadataKeys { get; }

    /// <summary>Creates a new resource filled with data that depends on <paramref name="seed"/>.</summary>
    protected abstract Task<ResourceDefinition> CreateSourceAsync(int seed);

    /// <summary>Everything the type promises to restore, as text; equal text means equal data.</summary>
    protected abstract Task<string> DescribeSourceAsync(ResourceDefinition source);

    /// <summary>The same description of a restored resource (a restore's <see cref="ResourceRestoreResult.RestoredTo"/>).</summary>
    protected abstract Task<string> DescribeRestoredAsync(string restoredTo);

    /// <summary>Restore metadata (without Overwrite) naming a new target called <paramref name="name"/>.</summary>
    protected abstract Dictionary<string, string> NewTargetMetadata(string name);

    /// <summary>Makes the target of <see cref="NewTargetMetadata"/>(<paramref name="name"/>) exist with other data; returns where it is.</summary>
    protected abstract Task<string> CreateExistingTargetAsync(string name);

    /// <summary>Definitions that must fail validation, each with the field the error must name.</summary>
    protected abstract IEnumerable<(ResourceDefinition Definition, string Field)> InvalidDefinitions();

    /// <summary>Restore metadata that must be refused, each with the key the error must name (beyond the generic cases).</summary>
    protected abstract IEnumerable<(Dictionary<string, string> Metadata, string Key)> InvalidMetadata();

    /// <summary>Resources whose backup must fail (missing, unreadable, unreachable).</summary>
    protected abstract IEnumerable<ResourceDefinition> UnreadableSources();

    /// <summary>Strings that must never appear in an error (passwords).</summary>
    protected virtual IEnumerable<string> Secrets => [];

    /// <summary>Adds what the suggested metadata deliberately lacks (a password) before it is used.</summary>
    protected virtual Dictionary<string, string> WithCredentials(IReadOnlyDictionary<string, string> metadata) => new(metadata);

    public virtual void Dispose()
    {
        Fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    [ResourceFact]
    public void The_type_has_its_persisted_name_and_is_in_the_default_registry()
    {
        Assert.Equal(ExpectedName, Type.Name);
        Assert.IsType(Type.GetType(), ResourceTypeRegistry.CreateDefault().Get(ExpectedName));
        Assert.Equal(ExpectedMetadataKeys.Order(), Type.MetadataKeys.Order());
    }

    [ResourceFact]
    public async Task The_recovery_point_names_the_original_resource_as_its_source_not_a_scratch_copy()
    {
        var source = await CreateSourceAsync(3);
        var vault = await Fixture.InitAsync();
        var result = await Type.BackupAsync(vault, source, new BackupOptions());
        var expected = source.Path ?? source.ConnectionString!;
        if (source.Path is not null)
        {
            Assert.Equal(Path.GetFullPath(expected), result.Manifest.Source);
        }
        else
        {
            Assert.StartsWith("postgresql://", result.Manifest.Source, StringComparison.Ordinal);
        }
    }

    [ResourceFact]
    public async Task A_valid_definition_passes_validation()
    {
        await Type.ValidateAsync(await CreateSourceAsync(1));
    }

    [ResourceFact]
    public async Task Invalid_definitions_are_rejected_with_an_error_naming_the_field()
    {
        foreach (var (definition, field) in InvalidDefinitions())
        {
            var e = await Assert.ThrowsAsync<ResourceValidationException>(() => Type.ValidateAsync(definition));
            Assert.True(e.Field == field, $"{definition}: expected field {field}, got {e.Field}: {e.Message}");
            Assert.StartsWith(field + ": ", e.Message, StringComparison.Ordinal);
            AssertNoSecret(e);
        }
    }

    [ResourceFact]
    public async Task A_definition_of_another_type_is_a_programming_error()
    {
        var other = await CreateSourceAsync(2) with { Type = OtherTypeName };
        await Assert.ThrowsAsync<ArgumentException>(() => Type.ValidateAsync(other));
    }

    [ResourceFact]
    public async Task Backup_then_restore_reproduces_the_data_exactly()
    {
        var source = await CreateSourceAsync(3);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        Assert.False(backup.Manifest.Partial);

        var restored = await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, NewTargetMetadata("restored"));
        Assert.Equal(await DescribeSourceAsync(source), await DescribeRestoredAsync(restored.RestoredTo));
    }

    [ResourceFact]
    public async Task Backup_tags_the_recovery_point_with_the_type_and_keeps_the_callers_tags()
    {
        var vault = await Fixture.InitAsync();
        var options = new BackupOptions { Tags = new Dictionary<string, string> { ["team"] = "storage" } };
        var backup = await Type.BackupAsync(vault, await CreateSourceAsync(4), options);

        Assert.Equal(ExpectedName, backup.Manifest.Tags[ResourceTags.ResourceType]);
        Assert.Equal("storage", backup.Manifest.Tags["team"]);
        Assert.Equal([backup.RecoveryPointId], await vault.Reader.ListRecoveryPointIdsAsync());
        Assert.Same(Type.GetType(), ResourceTypeRegistry.CreateDefault().ForRecoveryPoint(backup.Manifest).GetType());
    }

    [ResourceFact]
    public async Task A_caller_tag_with_a_reserved_key_is_refused_before_anything_is_written()
    {
        var source = await CreateSourceAsync(5);
        var vault = await Fixture.InitAsync();
        var options = new BackupOptions { Tags = new Dictionary<string, string> { [ResourceTags.ResourceType] = "Mine" } };
        await Assert.ThrowsAsync<ArgumentException>(() => Type.BackupAsync(vault, source, options));
        await AssertVaultHoldsNothingAsync(vault);
    }

    [ResourceFact]
    public async Task Restore_metadata_has_exactly_the_documented_keys_and_never_overwrites_by_default()
    {
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, await CreateSourceAsync(6), new BackupOptions());

        var metadata = Type.GetRestoreMetadata(backup.Manifest);
        Assert.Equal(ExpectedMetadataKeys.Order(), metadata.Keys.Order());
        Assert.Equal("false", metadata[RestoreMetadataKeys.Overwrite]);
        Assert.All(metadata.Values, v => Assert.False(string.IsNullOrEmpty(v)));
        foreach (var secret in Secrets)
        {
            Assert.All(metadata.Values, v => Assert.DoesNotContain(secret, v, StringComparison.Ordinal));
        }
    }

    [ResourceFact]
    public async Task Restoring_the_suggested_metadata_onto_the_original_is_refused_and_leaves_it_untouched()
    {
        var source = await CreateSourceAsync(7);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        var before = await DescribeSourceAsync(source);

        var metadata = WithCredentials(Type.GetRestoreMetadata(backup.Manifest));
        var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
        Assert.Contains("exists", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await DescribeSourceAsync(source));
    }

    [ResourceFact]
    public async Task Restore_onto_an_existing_target_is_refused_without_overwrite_and_leaves_it_untouched()
    {
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, await CreateSourceAsync(8), new BackupOptions());
        var existing = await CreateExistingTargetAsync("existing");
        var before = await DescribeRestoredAsync(existing);

        foreach (var overwrite in new string?[] { null, "false", "FALSE" })
        {
            var metadata = NewTargetMetadata("existing");
            if (overwrite is not null)
            {
                metadata[RestoreMetadataKeys.Overwrite] = overwrite;
            }

            var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
            Assert.Contains("exists", e.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DescribeRestoredAsync(existing));
    }

    [ResourceFact]
    public async Task Restore_with_overwrite_replaces_an_existing_target()
    {
        var source = await CreateSourceAsync(9);
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, source, new BackupOptions());
        var existing = await CreateExistingTargetAsync("replaced");

        var metadata = NewTargetMetadata("replaced");
        metadata[RestoreMetadataKeys.Overwrite] = "true";
        var restored = await Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata);
        Assert.Equal(existing, restored.RestoredTo);
        Assert.Equal(await DescribeSourceAsync(source), await DescribeRestoredAsync(restored.RestoredTo));
    }

    [ResourceFact]
    public async Task Unknown_missing_and_invalid_metadata_keys_are_rejected_naming_the_key()
    {
        var vault = await Fixture.InitAsync();
        var backup = await Type.BackupAsync(vault, await CreateSourceAsync(10), new BackupOptions());
        var cases = new List<(Dictionary<string, string> Metadata, string Key)>
        {
            (new(NewTargetMetadata("x")) { ["Bogus"] = "1" }, "Bogus"),
            (new(NewTargetMetadata("x")) { ["targetpath"] = "1" }, "targetpath"),
            (new(NewTargetMetadata("x")) { [RestoreMetadataKeys.Overwrite] = "yes" }, RestoreMetadataKeys.Overwrite),
        };
        foreach (var key in ExpectedMetadataKeys.Where(k => k != RestoreMetadataKeys.Overwrite))
        {
            var without = NewTargetMetadata("x");
            without.Remove(key);
            cases.Add((without, key));
            cases.Add((new(NewTargetMetadata("x")) { [key] = " " }, key));
        }

        cases.AddRange(InvalidMetadata());
        foreach (var (metadata, key) in cases)
        {
            var e = await Assert.ThrowsAsync<ResourceValidationException>(() => Type.RestoreAsync(vault.Reader, backup.RecoveryPointId, metadata));
            Assert.True(e.Field == key, $"expected key {key}, got {e.Field}: {e.Message}");
            Assert.StartsWith(key + ": ", e.Message, StringComparison.Ordinal);
            AssertNoSecret(e);
        }
    }

    [ResourceFact]
    public async Task A_failed_backup_throws_one_clear_exception_and_leaves_nothing_in_the_vault()
    {
        var vault = await Fixture.InitAsync();
        foreach (var source in UnreadableSources())
        {
            var e = await Assert.ThrowsAsync<ResourceBackupException>(() => Type.BackupAsync(vault, source, new BackupOptions()));
            Assert.Contains(ExpectedName, e.Message, StringComparison.Ordinal);
            AssertNoSecret(e);
        }

        await AssertVaultHoldsNothingAsync(vault);
    }

    [ResourceFact]
    public async Task A_recovery_point_of_another_type_is_refused()
    {
        var vault = await Fixture.InitAsync();
        var dir = Fixture.Source("other");
        TreeBuilder.File(dir, "resource.json", "{}"u8.ToArray());
        var options = new BackupOptions { Tags = new Dictionary<string, string> { [ResourceTags.ResourceType] = OtherTypeName } };
        var other = await DirectoryBackup.RunAsync(vault, dir, options);

        var e = await Assert.ThrowsAsync<ResourceRestoreException>(() => Type.RestoreAsync(vault.Reader, other.RecoveryPointId, NewTargetMetadata("other")));
        Assert.Contains(OtherTypeName, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Type.GetRestoreMetadata(other.Manifest));
    }

    private string OtherTypeName => ExpectedName == ResourceTypeNames.Directory ? ResourceTypeNames.Sqlite : ResourceTypeNames.Directory;

    protected void AssertNoSecret(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        foreach (var secret in Secrets)
        {
            for (var x = e; x is not null; x = x.InnerException)
            {
                Assert.DoesNotContain(secret, x.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>No recovery point, and nothing else a backup writes (packs, index objects, locks).</summary>
    protected static async Task AssertVaultHoldsNothingAsync(Vault vault)
    {
        ArgumentNullException.ThrowIfNull(vault);
        Assert.Empty(await vault.Reader.ListRecoveryPointIdsAsync());
        foreach (var prefix in new[] { FormatIds.RecoveryPointsPrefix, FormatIds.DataPrefix, FormatIds.IndexPrefix, FormatIds.LocksPrefix })
        {
            await foreach (var blob in vault.Store.ListAsync(prefix))
            {
                Assert.Fail($"the vault still holds {blob.Key}");
            }
        }
    }
}
