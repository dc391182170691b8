namespace Arca.WebConsole.Internal;

/// <summary>One embedded file, ready to send.</summary>
/// <param name="Content">The bytes sent.</param>
/// <param name="ContentType">The <c>Content-Type</c> header.</param>
/// <param name="ETag">A strong validator derived from the content.</param>
internal sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
