using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Arca.Api.Client;
using Arca.Api.Hosting;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Arca.Api.Tests.Server;

/// <summary>The real server on 127.0.0.1:0 over an in-memory store and a fake clock, with one account and its root key.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http = new();

    private TestServer(ArcaServer server, FakeTimeProvider time, CapturingLoggerProvider logs, string root)
    {
        Server = server;
        Time = time;
        Logs = logs;
        DataRoot = root;
    }

    public ArcaServer Server { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The temporary directory holding the regions' vault storage; removed on dispose.</summary>
    public string DataRoot { get; }

    public string AccountId { get; private set; } = string.Empty;

    public AwsCredentials Root { get; private set; } = null!;

    public static async Task<TestServer> StartAsync(Action<ArcaServerBuilder>? configure = null, long maxBody = ArcaServerOptions.DefaultMaxRequestBodyBytes)
    {
        var time = new FakeTimeProvider(T0);
        var store = new InMemoryMetadataStore();
        string[] regionNames = ["us-east-1", "eu-west-1"];
        string root = Path.Combine(Path.GetTempPath(), "arca-test-" + Guid.NewGuid().ToString("N")[..12]);
        var regions = RegionSet.InMemory(root, regionNames);
        var controlPlane = new ArcaControlPlane(store, regions, MasterKey.Generate(), new PageTokens(RandomNumberGenerator.GetBytes(32)), time);
        var options = new ArcaServerOptions { Listen = "http://127.0.0.1:0", Regions = regionNames, MaxRequestBodyBytes = maxBody };
        ArcaServerBuilder builder = ArcaServer.CreateBuilder(options, controlPlane);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        configure?.Invoke(builder);
        ArcaServer server = builder.Build();
        await server.StartAsync();
        var test = new TestServer(server, time, logs, root);
        (test.AccountId, test.Root) = await test.NewAccountAsync("management");
        return test;
    }

    public async Task<(string AccountId, AwsCredentials Root)> NewAccountAsync(string name)
    {
        AccountService accounts = Server.Services.GetRequiredService<AccountService>();
        Account account = await accounts.CreateAccountAsync(name, $"{name}-{Guid.NewGuid():N}@example.com");
        IssuedAccessKey key = await accounts.CreateRootAccessKeyAsync(account.Id);
        return (account.Id, new AwsCredentials(key.AccessKeyId, key.SecretAccessKey));
    }

    public SigV4HttpClient Client(AwsCredentials? credentials = null, string region = "us-east-1", TimeProvider? signingTime = null) =>
        new(_http, Server.BaseAddress, region, credentials ?? Root, signingTime ?? Time);

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(new Uri(Server.BaseAddress, path));

    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message) => _http.SendAsync(message);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
        if (Directory.Exists(DataRoot))
        {
            Directory.Delete(DataRoot, recursive: true);
        }
    }

    /// <summary>Calls an awsQuery action and returns the status and XML root.</summary>
    public async Task<(int Status, XElement Xml)> QueryAsync(string service, string action, AwsCredentials? credentials = null, params (string Name, string Value)[] parameters)
    {
        string version = service == "sts" ? "2011-06-15" : "2010-05-08";
        using HttpResponseMessage response = await Client(credentials).PostQueryAsync(
            service, action, version, parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        return ((int)response.StatusCode, await XmlOf(response));
    }

    public static async Task<XElement> XmlOf(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"empty body with status {(int)response.StatusCode}");
        return XDocument.Parse(text).Root!;
    }

    /// <summary>The text of the first descendant named <paramref name="localName"/> (any namespace).</summary>
    public static string? Value(XElement root, string localName) => root.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    /// <summary>Every log line the server wrote, with exceptions.</summary>
    internal sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
                if (exception is not null)
                {
                    line.Append(' ').Append(exception);
                }

                owner._lines.Enqueue(line.ToString());
            }
        }
    }
}
