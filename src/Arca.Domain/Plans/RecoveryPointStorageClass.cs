namespace Arca.Domain.Plans;

/// <summary>AWS <c>StorageClass</c> of a live recovery point (wire names WARM, COLD).</summary>
public enum RecoveryPointStorageClass
{
    /// <summary>Standard storage.</summary>
    Warm,

    /// <summary>Cold storage: cheaper, at least 90 days before deletion.</summary>
    Cold,
}
