using System.Text.Json;

namespace Arca.WebConsole.Tests.Infrastructure;

/// <summary>An API answer: status, JSON body (empty object when none) and the AWS error code of a failure.</summary>
internal sealed record ApiAnswer(int Status, JsonElement Json, string? ErrorCode, string Text)
{
    public bool Ok => Status is >= 200 and < 300;

    /// <summary>True when the server does not implement the operation yet (another branch brings it).</summary>
    public bool Unimplemented => ErrorCode is "UnsupportedOperationException" or "UnknownOperationException";

    /// <summary>The body of a success; fails the test with the answer otherwise.</summary>
    public JsonElement Expect(string what)
    {
        Assert.True(Ok, $"{what}: HTTP {Status} {Text}");
        return Json;
    }

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        JsonElement json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
        string? code = response.Headers.TryGetValues("x-amzn-ErrorType", out IEnumerable<string>? types) ? types.First().Split(':')[0] : null;
        return new ApiAnswer((int)response.StatusCode, json, response.IsSuccessStatusCode ? null : code ?? $"HTTP {(int)response.StatusCode}", text);
    }
}
