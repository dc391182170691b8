namespace Arca.WebConsole.Tests.Signing;

/// <summary>One request both signers sign: target already percent-encoded as the console sends it.</summary>
internal sealed record SigningCase(
    string Name,
    string Method,
    string Target,
    string[][] Headers,
    string Body,
    string Service,
    string? SessionToken = null);
