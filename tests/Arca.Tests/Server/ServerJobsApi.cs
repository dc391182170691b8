using System.Text;
using System.Text.Json;
using Arca.Api.Client;

namespace Arca.Tests.Server;

/// <summary>
/// Signed restJson calls to a real <c>arca server</c> as its first account, and waiting for the server: a condition is
/// checked again whenever the server writes a file of its data directory (its database, its vaults), and at least once a
/// second when nothing changes — the process is another program, so there is no in-process event to await.
/// </summary>
internal sealed class ServerJobsApi(ArcaServerProcess server) : IDisposable
{
    private readonly HttpClient _http = new();

    public async Task<(int Status, JsonElement Json)> SendAsync(string method, string path, string? body = null)
    {
        (string key, string secret) = server.RootKey();
        var client = new SigV4HttpClient(_http, server.Endpoint, "us-east-1", new AwsCredentials(key, secret), TimeProvider.System);
        byte[] bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        KeyValuePair<string, string>[] headers = body is null ? [] : [new("Content-Type", "application/json")];
        using HttpResponseMessage response = await client.SendAsync("backup", method, path, headers, bytes);
        string text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<JsonElement> OkAsync(string method, string path, string? body = null)
    {
        (int status, JsonElement json) = await SendAsync(method, path, body);
        Assert.True(status == 200, $"{method} {path}: {status} {json}");
        return json;
    }

    /// <summary>Reads until <paramref name="done"/> holds, re-reading on every change in the server's data directory.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string what)
    {
        using var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(server.DataDir) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        void Signal(object sender, FileSystemEventArgs e) => changed.Release();
        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.EnableRaisingEvents = true;
        using var deadline = new CancellationTokenSource(timeout);
        T value = await read();
        while (!done(value))
        {
            try
            {
                await changed.WaitAsync(TimeSpan.FromSeconds(1), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{what} did not happen within {timeout}; last seen: {value}\n{server.Output}");
            }

            while (changed.CurrentCount > 0)
            {
                await changed.WaitAsync(deadline.Token);
            }

            value = await read();
        }

        return value;
    }

    public void Dispose() => _http.Dispose();
}
