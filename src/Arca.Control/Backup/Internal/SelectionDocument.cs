using System.Text.Json.Serialization;
using Arca.Domain.Selections;

namespace Arca.Control.Backup.Internal;

/// <summary><c>selections/{account}/{planId}/{selectionId}</c>: a plan's selection. i1 = account, i2 = plan id.</summary>
internal sealed record SelectionDocument
{
    public required string AccountId { get; init; }

    public required string BackupPlanId { get; init; }

    public required string SelectionId { get; init; }

    [JsonConverter(typeof(BackupSelectionConverter))]
    public required BackupSelection Selection { get; init; }

    public string? CreatorRequestId { get; init; }

    public required DateTimeOffset CreationDate { get; init; }
}
