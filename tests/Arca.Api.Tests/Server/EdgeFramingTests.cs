using System.Net.Sockets;
using System.Text;

namespace Arca.Api.Tests.Server;

/// <summary>Broken HTTP framing of a request body is the client's error (400, AWS-shaped), not a 500.</summary>
public sealed class EdgeFramingTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_malformed_chunk_size_is_IncompleteBody_400()
    {
        Uri at = _server.Server.BaseAddress;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(at.Host, at.Port);
        NetworkStream stream = tcp.GetStream();
        string request = "PUT /backup/plans/ HTTP/1.1\r\n" +
            $"Host: {at.Host}:{at.Port}\r\n" +
            "Content-Type: application/json\r\n" +
            "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/backup/aws4_request, SignedHeaders=host, Signature=00\r\n" +
            "Transfer-Encoding: chunked\r\n\r\n" +
            "zz\r\n{}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("IncompleteBody", response, StringComparison.Ordinal);
        Assert.Contains("chunked transfer encoding", response, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Replace("x-amzn-ErrorType", string.Empty, StringComparison.OrdinalIgnoreCase), StringComparison.Ordinal);
    }
}
