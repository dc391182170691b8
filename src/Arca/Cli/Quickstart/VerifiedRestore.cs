namespace Arca.Cli.Quickstart;

/// <summary>The quickstart's result: the restored tree is identical to the source.</summary>
internal sealed record VerifiedRestore(string Source, string Restored, string RecoveryPointArn, int Files, int Directories, long Bytes);
