using System.Net;
using System.Net.Sockets;

namespace GxProtocol.EndToEndBench;

/// <summary>
/// A loopback TCP relay between the silo and the ledger. <see cref="CutAsync"/> makes the ledger unreachable the
/// way a network partition would: open connections are reset and new ones refused (the listener closes), while the
/// ledger itself keeps running with its chain. <see cref="Restore"/> listens again on the same port.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<(TcpClient Inbound, TcpClient Outbound)> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();
    private Task _acceptLoop = Task.CompletedTask;

    public TcpRelay(int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Loopback, targetPort);
        Port = FreePorts.Next();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start(512);
        var listener = _listener;
        var token = _accepting.Token;
        _acceptLoop = Task.Run(() => AcceptAsync(listener, token));
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(inbound, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken cancellationToken)
    {
        var outbound = new TcpClient();
        inbound.NoDelay = true;
        outbound.NoDelay = true;
        lock (_connections)
        {
            _connections.Add((inbound, outbound));
        }
        try
        {
            await outbound.ConnectAsync(_target, cancellationToken);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancellationToken);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancellationToken);
            await Task.WhenAny(up, down);
        }
        catch (Exception ended) when (ended is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended or was cut.
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove((inbound, outbound));
            }
            Reset(inbound);
            Reset(outbound);
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            // Linger 0: close with RST, as a dropped route looks to the peer once it notices.
            client.Client.LingerState = new LingerOption(true, 0);
        }
        catch (Exception closed) when (closed is SocketException or ObjectDisposedException)
        {
            // Already closed.
        }
        client.Dispose();
    }

    public async Task CutAsync()
    {
        await _accepting.CancelAsync();
        _listener?.Stop();
        await _acceptLoop;
        List<(TcpClient, TcpClient)> open;
        lock (_connections)
        {
            open = [.. _connections];
        }
        foreach (var (inbound, outbound) in open)
        {
            Reset(inbound);
            Reset(outbound);
        }
    }

    public async ValueTask DisposeAsync() => await CutAsync();
}
