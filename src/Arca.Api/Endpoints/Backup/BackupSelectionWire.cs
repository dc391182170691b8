using System.Text.Json;
using Arca.Domain.Selections;

namespace Arca.Api.Endpoints.Backup;

/// <summary>CreateBackupSelection's body; the selection stays a JSON element so the domain reader can name wrong members.</summary>
internal sealed record CreateSelectionBody(JsonElement? BackupSelection, string? CreatorRequestId);

/// <summary>The output of CreateBackupSelection.</summary>
internal sealed record CreateSelectionOutput(string SelectionId, string BackupPlanId, DateTimeOffset CreationDate);

/// <summary>The output of GetBackupSelection.</summary>
internal sealed record GetSelectionOutput(BackupSelection BackupSelection, string SelectionId, string BackupPlanId, DateTimeOffset CreationDate, string? CreatorRequestId);

/// <summary>AWS <c>BackupSelectionsListMember</c>.</summary>
internal sealed record SelectionListMember(
    string SelectionId, string? SelectionName, string BackupPlanId, DateTimeOffset CreationDate, string? CreatorRequestId, string? IamRoleArn);

/// <summary>The output of ListBackupSelections.</summary>
internal sealed record ListSelectionsOutput(IReadOnlyList<SelectionListMember> BackupSelectionsList, string? NextToken);
