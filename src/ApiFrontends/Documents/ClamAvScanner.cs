using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

/// <summary>
/// A clamd client over its INSTREAM command on TCP: <c>zINSTREAM\0</c>, then chunks each prefixed with their length as
/// 4 bytes big-endian, a zero length to finish; clamd answers <c>stream: OK</c> or <c>stream: NAME FOUND</c>, NUL-terminated.
/// One connection per scan: clamd closes an INSTREAM session after its verdict.
/// </summary>
public sealed class ClamAvScanner(IOptions<ClamAvOptions> options) : IVirusScanner
{
    private static readonly byte[] Command = "zINSTREAM\0"u8.ToArray();
    private const int MaxReplyBytes = 4096;

    public async Task<ScanVerdict> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.TryParseEndpoint(out var host, out var port))
        {
            throw new VirusScannerUnavailableException($"No virus scanner is configured ({ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Endpoint)}).");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        string reply;
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Command, timeout.Token);
            await SendChunksAsync(stream, content, settings.ChunkBytes, timeout.Token);
            reply = await ReadReplyAsync(stream, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VirusScannerUnavailableException($"clamd at {host}:{port} gave no verdict within {settings.TimeoutSeconds} s.");
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            throw new VirusScannerUnavailableException($"clamd at {host}:{port} is unreachable: {e.Message}", e);
        }
        return Parse(reply, host, port);
    }

    internal static ScanVerdict Parse(string reply, string host, int port)
    {
        // "stream: OK", "stream: Eicar-Signature FOUND", or "... ERROR" (size limit, unreadable stream).
        var body = reply.StartsWith("stream:", StringComparison.Ordinal) ? reply["stream:".Length..].Trim() : reply.Trim();
        if (body == "OK")
        {
            return ScanVerdict.Clean;
        }
        if (body.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            return ScanVerdict.Found(body[..^" FOUND".Length].Trim());
        }
        throw new VirusScannerUnavailableException($"clamd at {host}:{port} gave no verdict: '{reply}'.");
    }

    private static async Task SendChunksAsync(NetworkStream network, Stream content, int chunkBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes + 4);
        try
        {
            while (true)
            {
                var read = await content.ReadAsync(buffer.AsMemory(4, chunkBytes), cancellationToken);
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                await network.WriteAsync(buffer.AsMemory(0, read + 4), cancellationToken);
                if (read == 0)
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reply = new MemoryStream();
        var buffer = new byte[512];
        while (reply.Length < MaxReplyBytes)
        {
            var read = await network.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
            {
                break;
            }
        }
        return Encoding.ASCII.GetString(reply.GetBuffer(), 0, (int)reply.Length);
    }
}
