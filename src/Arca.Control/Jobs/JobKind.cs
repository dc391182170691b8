namespace Arca.Control.Jobs;

/// <summary>The three kinds of AWS Backup jobs.</summary>
public enum JobKind
{
    Backup,
    Copy,
    Restore,
}
