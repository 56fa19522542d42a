using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace GxProtocol.Backend.Tests.Support;

/// <summary>
/// A real SMTP server for tests, on 127.0.0.1: speaks enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA with dot
/// unstuffing, RSET, NOOP, QUIT) for a client to deliver a message, and keeps what it received. No TLS, no auth.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly Task _accepting;

    public TestSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyCollection<ReceivedMail> Received => _received.ToArray();

    /// <summary>The settings that point a silo's mail at this server.</summary>
    public IDictionary<string, string> SiloSettings() => new Dictionary<string, string>
    {
        ["Gx:Mail:Smtp:Host"] = "127.0.0.1",
        ["Gx:Mail:Smtp:Port"] = Port.ToString(),
        ["Gx:Mail:Smtp:Security"] = "None",
        ["Gx:Mail:From"] = "GX Tests <no-reply@gx.test>",
    };

    /// <summary>The newest message delivered to <paramref name="to"/> whose subject contains <paramref name="subject"/>, after <paramref name="skip"/> such messages.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, string subject, int skip = 0, TimeSpan? timeout = null)
    {
        var matching = await Eventually.MatchesAsync(
            () => Task.FromResult(Received.Where(m => m.IsTo(to) && (m.Message.Subject ?? "").Contains(subject, StringComparison.OrdinalIgnoreCase)).ToList()),
            list => list.Count > skip, $"message {skip + 1} about '{subject}' to {to} at the test SMTP server", timeout ?? TimeSpan.FromSeconds(30));
        return matching[skip];
    }

    public int CountTo(string to) => Received.Count(m => m.IsTo(to));

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 gx-test-smtp ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-gx-test-smtp");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA" when from is not null && to.Count > 0:
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        using (var raw = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                        {
                            _received.Enqueue(new ReceivedMail(from, [.. to], await MimeMessage.LoadAsync(raw)));
                        }
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 command not implemented");
                        break;
                }
            }
        }
        catch (Exception ended) when (ended is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string Address(string line) =>
        line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message)
{
    public bool IsTo(string address) => To.Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    public string Code => DevMailbox.CodeIn(Message);
}
