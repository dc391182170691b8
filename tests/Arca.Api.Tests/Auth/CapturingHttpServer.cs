using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

using Arca.Api.Auth;

namespace Arca.Api.Tests.Auth;

/// <summary>
/// A tiny HTTP listener on 127.0.0.1 that records every request as a <see cref="SigV4Request"/>
/// (raw target, headers, body) and answers each with one fixed 200 response.
/// </summary>
internal sealed class CapturingHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly byte[] _response;
    private readonly string _contentType;
    private readonly ConcurrentQueue<SigV4Request> _requests = new();
    private readonly Task _loop;

    private CapturingHttpServer(HttpListener listener, int port, string response, string contentType)
    {
        _listener = listener;
        Port = port;
        _response = Encoding.UTF8.GetBytes(response);
        _contentType = contentType;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public IReadOnlyList<SigV4Request> Requests => [.. _requests];

    public static CapturingHttpServer Start(string response, string contentType)
    {
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new CapturingHttpServer(listener, port, response, contentType);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _ = _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys
                .Where(static k => k is not null)
                .Select(k => new KeyValuePair<string, string>(k!, context.Request.Headers[k] ?? string.Empty))
                .ToList();
            _requests.Enqueue(new SigV4Request(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body.ToArray()));

            context.Response.StatusCode = 200;
            context.Response.ContentType = _contentType;
            context.Response.Headers["x-amzn-RequestId"] = "arca-test";
            await context.Response.OutputStream.WriteAsync(_response).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
