namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>A fact that runs the console's JavaScript with node; skipped with the reason where node is missing.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Tools.Find("node") is null)
        {
            Skip = "node is not installed (the console's JavaScript tests run with node >= 20).";
        }
    }
}
