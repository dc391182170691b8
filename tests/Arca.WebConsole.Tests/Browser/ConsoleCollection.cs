namespace Arca.WebConsole.Tests.Browser;

/// <summary>The browser tests run one after the other on one server and one browser (two cores; each test its own context).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console in chromium";
}
