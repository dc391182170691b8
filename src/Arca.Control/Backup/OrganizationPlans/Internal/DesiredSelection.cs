using Arca.Domain.Selections;

namespace Arca.Control.Backup.OrganizationPlans.Internal;

/// <summary>A selection of a <see cref="DesiredPlan"/>.</summary>
internal sealed record DesiredSelection(string SelectionId, BackupSelection Selection);
