using Xunit.Sdk;

namespace Arca.Storage.Tests.Resources;

/// <summary>
/// A fact of the resource type conformance suite. It runs like <see cref="FactAttribute"/>, except that
/// in a test class marked <see cref="RequiresPostgreSqlAttribute"/> it is reported as skipped, with the
/// reason, when the PostgreSQL server binaries are not installed.
/// </summary>
[XunitTestCaseDiscoverer("Arca.Storage.Tests.Resources.ResourceFactDiscoverer", "Arca.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResourceFactAttribute : FactAttribute;
