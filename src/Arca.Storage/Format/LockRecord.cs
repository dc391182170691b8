namespace Arca.Storage.Format;

/// <summary>The content of a lock object (vault-format.md §8).</summary>
public sealed record LockRecord(bool Exclusive, string Host, int Pid, DateTimeOffset Time, string Operation);
