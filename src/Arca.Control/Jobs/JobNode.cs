using System.Security.Cryptography;

namespace Arca.Control.Jobs;

/// <summary>
/// Who holds a job's lease: a stable node id (one per server data directory) and an incarnation that
/// changes with every start, so a restarted node recognises its own dead leases at once.
/// </summary>
public sealed record JobNode(string NodeId, string Incarnation)
{
    public string LeaseOwner => NodeId + "/" + Incarnation;

    public static JobNode Start(string nodeId) => new(nodeId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    /// <summary>True when <paramref name="leaseOwner"/> is an earlier incarnation of this node.</summary>
    public bool IsEarlierIncarnation(string? leaseOwner) =>
        leaseOwner is not null && leaseOwner.StartsWith(NodeId + "/", StringComparison.Ordinal) && leaseOwner != LeaseOwner;
}
