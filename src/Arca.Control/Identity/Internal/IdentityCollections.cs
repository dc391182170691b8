using Arca.Control.Metadata;

namespace Arca.Control.Identity.Internal;

/// <summary>The identity collections of the global store and what their index fields mean.</summary>
internal static class IdentityCollections
{
    /// <summary><c>accounts</c>: key = account id; i1 = email, lower case (unique).</summary>
    public static readonly Collection<Account> Accounts = new(
        "accounts", IdentityJson.Default.Account, a => a.Id, a => new IndexFields(a.Email.ToLowerInvariant()));

    /// <summary><c>access-keys</c>: key = access key id; i1 = account id, i2 = kind, i3 = expiry (sessions).</summary>
    public static readonly Collection<AccessKeyRecord> AccessKeys = new(
        "access-keys",
        IdentityJson.Default.AccessKeyRecord,
        k => k.AccessKeyId,
        k => new IndexFields(k.AccountId, k.Kind.ToString(), k.ExpiresAt is { } e ? SortableTime.ToIndex(e) : null));
}
