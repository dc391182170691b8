using System.Text.Json.Serialization;
using Arca.Cli.Output;
using Arca.Cli.Vault;
using Arca.Storage.Format;
using Arca.Storage.Maintenance;
using Arca.Storage.Restore;
using Arca.Storage.Verification;

namespace Arca.Cli;

/// <summary>JSON written by the command line (<c>--json</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true,
    Converters = [typeof(BlobIdJsonConverter)])]
[JsonSerializable(typeof(ProgressLine))]
[JsonSerializable(typeof(InitOutput))]
[JsonSerializable(typeof(BackupOutput))]
[JsonSerializable(typeof(CopyOutput))]
[JsonSerializable(typeof(List<ListEntry>))]
[JsonSerializable(typeof(RestoreResult))]
[JsonSerializable(typeof(VerifyReport))]
[JsonSerializable(typeof(GcReport))]
[JsonSerializable(typeof(ErrorOutput))]
internal sealed partial class CliJson : JsonSerializerContext;
