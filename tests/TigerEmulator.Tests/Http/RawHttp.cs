using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Http;

/// Bytes on a socket, for requests no HttpClient would send (a broken chunk, a body that never comes), and the answer
/// read back by its Content-Length, within a bound.
internal static class RawHttp
{
    public sealed record Answer(int Status, JsonNode? Body, string Text);

    /// Sends <paramref name="head"/> (the request line and headers, without the blank line) and then each of
    /// <paramref name="parts"/>, and reads one answer.
    public static async Task<Answer> SendAsync(Uri server, string head, TimeSpan bound, params byte[][] parts)
    {
        using var timeout = new CancellationTokenSource(bound);
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n\r\n"), timeout.Token);
        foreach (var part in parts)
        {
            try
            {
                await stream.WriteAsync(part, timeout.Token);
            }
            catch (IOException)
            {
                // The server may answer and close before it has read all of a body it refuses.
                break;
            }
        }

        return await ReadAsync(stream, timeout.Token);
    }

    private static async Task<Answer> ReadAsync(NetworkStream stream, CancellationToken bound)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(received, "\r\n\r\n"u8.ToArray())) < 0)
        {
            var read = await stream.ReadAsync(buffer, bound);
            Assert.True(read > 0, $"the connection closed before an answer: '{Encoding.ASCII.GetString([.. received])}'");
            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.Take(headEnd)]);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var length = lines.Skip(1).Select(line => line.Split(':', 2)).Where(p => p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
        while (received.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, bound);
            Assert.True(read > 0, "the connection closed in the middle of the answer's body");
            received.AddRange(buffer.AsSpan(0, read));
        }

        var text = Encoding.UTF8.GetString([.. received.Skip(headEnd + 4).Take(length)]);
        return new Answer(status, text.Length == 0 ? null : JsonNode.Parse(text), head + "\r\n\r\n" + text);
    }

    private static int IndexOf(List<byte> bytes, byte[] pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            if (bytes.Skip(i).Take(pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        return -1;
    }
}
