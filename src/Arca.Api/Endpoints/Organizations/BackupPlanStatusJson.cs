using System.Text.Json.Serialization;

namespace Arca.Api.Endpoints.Organizations;

/// <summary>The wire JSON of Arca's <c>ArcaOrganizations.DescribeBackupPlanStatus</c> (awsJson1.1 style: nulls left out, epoch seconds).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BackupPlanStatusInput))]
[JsonSerializable(typeof(BackupPlanStatusOutput))]
internal sealed partial class BackupPlanStatusJson : JsonSerializerContext;
