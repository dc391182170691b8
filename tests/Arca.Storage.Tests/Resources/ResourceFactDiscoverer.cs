using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Arca.Storage.Tests.Resources;

/// <summary>Discovers <see cref="ResourceFactAttribute"/> tests; skips them with a reason when their class needs what is missing.</summary>
public sealed class ResourceFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var type = (testMethod.TestClass.Class as IReflectionTypeInfo)?.Type;
        if (type?.GetCustomAttribute<RequiresPostgreSqlAttribute>() is not null && PostgresCluster.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(_sink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
