namespace Arca.Domain.Plans;

/// <summary>What the lifecycle sweeper should do with a recovery point now.</summary>
public enum LifecycleAction
{
    /// <summary>Leave it where it is.</summary>
    Keep,

    /// <summary>Move it from warm to cold storage.</summary>
    MoveToColdStorage,

    /// <summary>Delete it: its retention has ended and no vault lock protects it.</summary>
    Delete,
}
