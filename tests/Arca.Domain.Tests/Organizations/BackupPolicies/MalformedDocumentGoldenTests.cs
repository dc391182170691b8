using Arca.Domain.Organizations.BackupPolicies;

namespace Arca.Domain.Tests.Organizations.BackupPolicies;

/// <summary>
/// Golden/Malformed/NAME.json is an invalid document; NAME.errors.txt lists the exact messages,
/// one per line, in document order.
/// </summary>
public sealed class MalformedDocumentGoldenTests
{
    public static TheoryData<string> Cases() =>
    [
        .. Directory.GetFiles(Path.Combine(GoldenFiles.Directory, "Malformed"), "*.json")
            .Select(static f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_document_is_rejected_with_exact_messages(string name)
    {
        var result = BackupPolicyDocument.Parse(GoldenFiles.Read("Malformed", name + ".json"));

        var actual = string.Join("\n", result.Errors.Select(static e => e.Message));
        var expectedPath = Path.Combine(GoldenFiles.Directory, "Malformed", name + ".errors.txt");
        if (GoldenFiles.Updating)
        {
            File.WriteAllText(expectedPath, actual + "\n");
            return;
        }

        Assert.False(result.IsValid);
        Assert.Equal(File.ReadAllText(expectedPath).TrimEnd('\n'), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ParseOrThrow_reports_the_first_error_as_the_message(string name)
    {
        var content = GoldenFiles.Read("Malformed", name + ".json");

        var ex = Assert.Throws<MalformedBackupPolicyException>(() => BackupPolicyDocument.ParseOrThrow(content));

        Assert.Equal(ex.Errors[0].Message, ex.Message);
    }
}
