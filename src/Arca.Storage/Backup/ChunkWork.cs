namespace Arca.Storage.Backup;

/// <summary>One chunk on its way from a file reader to a worker. The buffer is rented from the shared pool.</summary>
internal readonly record struct ChunkWork(byte[] Buffer, int Length, FileChunks File, int Slot);
