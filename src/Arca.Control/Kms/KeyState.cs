namespace Arca.Control.Kms;

/// <summary>The states of a KMS key Arca has (a subset of KMS's <c>KeyState</c>; the wire names are the member names).</summary>
public enum KeyState
{
    /// <summary>Usable for cryptographic operations.</summary>
    Enabled,

    /// <summary>Not usable until enabled again (<c>DisabledException</c>).</summary>
    Disabled,

    /// <summary>Scheduled for deletion at <see cref="KeyMetadata.DeletionDate"/>; not usable (<c>KMSInvalidStateException</c>) unless the deletion is cancelled.</summary>
    PendingDeletion,
}
