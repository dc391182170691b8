using Arca.Storage.Blobs;

namespace Arca.Storage.Tests.Engine;

/// <summary>Damage done to stored objects behind the vault's back, as a failing disk or an attacker would.</summary>
internal static class Damage
{
    public static void FlipByte(this MemoryBlobStore store, string key, long offset) =>
        store.Tamper(key, bytes =>
        {
            bytes[offset] ^= 0x40;
            return bytes;
        });

    public static void Truncate(this MemoryBlobStore store, string key, long length) =>
        store.Tamper(key, bytes => bytes[..(int)length]);

    public static async Task<long> SizeAsync(this MemoryBlobStore store, string key) =>
        await store.GetSizeAsync(key) ?? throw new InvalidOperationException($"{key} does not exist");

    public static async Task<List<string>> KeysAsync(this IBlobReader store, string prefix)
    {
        var keys = new List<string>();
        await foreach (var info in store.ListAsync(prefix))
        {
            keys.Add(info.Key);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
