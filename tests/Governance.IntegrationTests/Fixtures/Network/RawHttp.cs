using System.Net.Sockets;
using System.Text;

namespace Governance.IntegrationTests.Fixtures.Network;

/// <summary>One HTTP/1.1 answer as it came over the wire.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// Sends bytes exactly as written over a socket and reads the answer until the server closes: requests that
/// HttpClient refuses to send (a raw NUL, a malformed request line) or would send differently.
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers; the blank line ending them is added) and then the
    /// body, if any, while reading. A server that answers early and closes may cut the upload short: that is expected
    /// (a 413 before the body is read whole), so a failed write is not an error.
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri server, string head, Func<Stream, Task>? body = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head + "\r\n\r\n"), timeout.Token);
        var upload = body is null ? Task.CompletedTask : Task.Run(async () =>
        {
            try { await body(stream); }
            catch (IOException) { } // the server answered and closed before taking all of it
        });

        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0) received.Write(buffer, 0, n);
        }
        catch (IOException) when (received.Length > 0) { } // a reset after the answer (unread upload on the server)
        await upload;
        return Parse(received.ToArray());
    }

    private static RawResponse Parse(byte[] received)
    {
        var end = received.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.That(end, Is.GreaterThan(0), $"no complete HTTP answer: {Encoding.Latin1.GetString(received)}");
        var lines = Encoding.Latin1.GetString(received, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = received[(end + 4)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked")) body = Dechunk(body);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var at = 0;
        while (true)
        {
            var eol = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, eol - at).Split(';')[0], 16);
            if (size == 0) return body.ToArray();
            body.Write(chunked, eol + 2, size);
            at = eol + 2 + size + 2;
        }
    }
}
