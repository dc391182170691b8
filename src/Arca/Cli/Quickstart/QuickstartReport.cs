using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Arca.Cli.Quickstart;

/// <summary>
/// What the quickstart shows: numbered steps with their details as plain lines on stdout, or (<c>--json</c>) the same
/// lines on stderr and one JSON document on stdout at the end (<c>steps</c>, <c>verified</c>, or <c>error</c>).
/// </summary>
internal sealed class QuickstartReport(bool json, int totalSteps)
{
    private readonly JsonArray _steps = [];
    private JsonObject? _current;
    private int _number;

    private TextWriter Lines => json ? Console.Error : Console.Out;

    /// <summary>Starts step <c>n</c> of the walkthrough.</summary>
    public void Step(string title)
    {
        _number++;
        _current = new JsonObject { ["number"] = _number, ["title"] = title, ["details"] = new JsonArray() };
        _steps.Add(_current);
        Lines.WriteLine($"{_number,2}/{totalSteps} {title}");
        Lines.Flush();
    }

    /// <summary>A detail of the current step.</summary>
    public void Detail(string line)
    {
        ((JsonArray)_current!["details"]!).Add(line);
        Lines.WriteLine("       " + line);
        Lines.Flush();
    }

    /// <summary>A line before the steps or after them.</summary>
    public void Note(string line)
    {
        Lines.WriteLine(line);
        Lines.Flush();
    }

    /// <summary>The final JSON document (with <c>--json</c>): the steps and <paramref name="result"/>'s members.</summary>
    public void Finish(JsonObject result)
    {
        if (!json)
        {
            return;
        }

        result["steps"] = _steps;
        Console.Out.WriteLine(result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.Out.Flush();
    }

    /// <summary>The step that was running when the walkthrough failed (0 before the first).</summary>
    public int CurrentStep => _number;
}
