namespace Arca.Domain.Plans;

/// <summary>
/// AWS <c>AdvancedBackupSetting</c>: backup options for one resource type, e.g. ResourceType
/// <c>EC2</c> with <c>{"WindowsVSS": "enabled"}</c>. Arca stores and returns them. Immutable.
/// </summary>
/// <param name="ResourceType">A resource type, <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>.</param>
/// <param name="BackupOptions">Option names and values, each <c>^[a-zA-Z0-9\-\_\.]{1,50}$</c>.</param>
public sealed record AdvancedBackupSetting(string? ResourceType, IReadOnlyDictionary<string, string>? BackupOptions);
