namespace Arca.Storage.Tests.Resources;

/// <summary>Marks a test class whose <see cref="ResourceFactAttribute"/> tests need a PostgreSQL server (see <see cref="PostgresCluster.SkipReason"/>).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
