using System.Text;
using System.Text.RegularExpressions;

namespace Arca.Tests.Docs;

/// <summary>
/// <c>docs/compatibility.md</c>: every operation of AWS's Backup, Organizations, KMS, STS and IAM models, whether Arca
/// implements it, and how it differs (from <c>docs/tools/compatibility-notes.txt</c>). <see cref="Render"/> writes it,
/// <see cref="Parse"/> reads back which operations a committed table lists and as what.
/// </summary>
internal static partial class CompatibilityTable
{
    public const string RegenerateCommand =
        "ARCA_REGENERATE_DOCS=1 dotnet test tests/Arca.Tests -c Release --filter FullyQualifiedName~CompatibilityTableTests";

    /// <summary>The services, in the table's order: signing name, model directory, title, protocol, how an unimplemented operation answers.</summary>
    public static readonly IReadOnlyList<(string Service, string Title, string Protocol, string Unimplemented)> Services =
    [
        ("backup", "AWS Backup", "restJson1", "400 `UnsupportedOperationException` naming the operation"),
        ("organizations", "AWS Organizations", "awsJson1.1, target prefix `AWSOrganizationsV20161128`", "400 `UnsupportedOperationException` naming the operation"),
        ("kms", "AWS KMS", "awsJson1.1, target prefix `TrentService`", "400 `UnsupportedOperationException` naming the operation"),
        ("sts", "AWS STS", "awsQuery, version 2011-06-15", "400 `InvalidAction` naming the action"),
        ("iam", "AWS IAM", "awsQuery, version 2010-05-08", "400 `InvalidAction` naming the action"),
    ];

    /// <summary>The table for <paramref name="operations"/> (per service, every operation to list), what Arca registers and the notes.</summary>
    public static string Render(
        IReadOnlyDictionary<string, SortedSet<string>> operations, ArcaOperations arca, CompatibilityNotes notes)
    {
        var text = new StringBuilder();
        text.Append("""
            # Compatibility with AWS's APIs

            Every operation of the AWS service models (botocore's `service-2.json`) of the five services Arca speaks, whether
            Arca implements it, and how it differs from AWS. All five share one listener (`arca server --listen`); point any AWS
            client at it with `--endpoint-url`. An operation marked **no** is routed and answered with an AWS-shaped error
            (see each service), never a 500.

            This file is generated; do not edit it by hand. The differences come from `docs/tools/compatibility-notes.txt`;
            the implemented operations from the server that `arca server` builds; the operation lists from every botocore model
            on the machine, merged with the operations already listed here. After adding an operation (or merging a branch
            that adds some), regenerate it from the repository root and commit the result:

            ```bash

            """);
        text.Append(RegenerateCommand).Append('\n');
        text.Append("""
            ```

            Without `ARCA_REGENERATE_DOCS` the same test fails while this file is stale: an operation implemented but listed as
            not, or listed as implemented but not registered, a model operation missing, or a difference changed in the notes.

            | Service | Protocol | Implemented |
            |---|---|---|

            """);
        foreach ((string service, string title, string protocol, _) in Services)
        {
            int implemented = operations[service].Count(arca.Implemented[service].Contains);
            text.Append(CultureInfo($"| [{title}](#{Anchor(title)}) | {protocol} | {implemented} of {operations[service].Count} |\n"));
        }

        foreach ((string service, string title, string protocol, string unimplemented) in Services)
        {
            text.Append(CultureInfo($"\n## {title} (`{service}`)\n\n"));
            text.Append(CultureInfo($"Protocol: {protocol}. An operation Arca does not implement answers {unimplemented}.\n"));
            foreach (string general in notes.General(service))
            {
                text.Append("\n* ").Append(general);
            }

            if (notes.General(service).Count > 0)
            {
                text.Append('\n');
            }

            text.Append("\n| Operation | Arca | Differences from AWS |\n|---|---|---|\n");
            foreach (string operation in operations[service])
            {
                string status = arca.Implemented[service].Contains(operation) ? "yes" : "no";
                text.Append(CultureInfo($"| {operation} | {status} | {notes.For(service, operation)} |\n"));
            }

            if (arca.Extensions[service].Count > 0)
            {
                text.Append("\nArca's own operations on this endpoint (not in AWS's model):\n\n| Operation | Arca | Description |\n|---|---|---|\n");
                foreach (string extension in arca.Extensions[service])
                {
                    text.Append(CultureInfo($"| {extension} | extension | {notes.For(service, extension)} |\n"));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The operations a committed table lists per service, and whether it says they are implemented.</summary>
    public static Dictionary<string, Dictionary<string, bool>> Parse(string markdown)
    {
        var listed = Services.ToDictionary(s => s.Service, _ => new Dictionary<string, bool>(StringComparer.Ordinal), StringComparer.Ordinal);
        Dictionary<string, bool>? current = null;
        foreach (string line in markdown.Split('\n'))
        {
            if (SectionLine().Match(line) is { Success: true } section)
            {
                current = listed.GetValueOrDefault(section.Groups[1].Value);
            }
            else if (current is not null && RowLine().Match(line) is { Success: true } row)
            {
                current[row.Groups[1].Value] = row.Groups[2].Value == "yes";
            }
        }

        return listed;
    }

    private static string Anchor(string title) => title.ToLowerInvariant().Replace(' ', '-') + "-" + Services.First(s => s.Title == title).Service;

    private static string CultureInfo(FormattableString text) => FormattableString.Invariant(text);

    [GeneratedRegex(@"^## .* \(`([a-z]+)`\)$")]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^\| ([A-Za-z0-9]+) \| (yes|no) \|")]
    private static partial Regex RowLine();
}
