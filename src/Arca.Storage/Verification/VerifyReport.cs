namespace Arca.Storage.Verification;

/// <summary>The outcome of a verify run. The vault is sound for the checked recovery points when <see cref="Errors"/> is empty.</summary>
public sealed record VerifyReport(int RecoveryPoints, int Packs, long Blobs, long Bytes, IReadOnlyList<VerifyError> Errors);
