namespace Arca.Domain.Layouts;

/// <summary>One problem of a layout file: where it is and which field it concerns.</summary>
public sealed record LayoutError(string File, int Line, int Column, string Field, string Message)
{
    /// <summary><c>layout.yaml:12:7: vaults[0].name: message</c>.</summary>
    public override string ToString() => Field.Length == 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}:{Column}: {Field}: {Message}";
}
