using System.Net;
using System.Net.Sockets;

namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

/// <summary>A loopback TCP proxy in front of the simulator that counts the connections clients open through it.</summary>
internal sealed class CountingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly Task _acceptLoop;
    private int _accepted;

    public CountingTcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri Endpoint => new($"mllp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] pumps;
        lock (_pumps)
        {
            pumps = [.. _pumps];
        }

        await Task.WhenAll(pumps);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            lock (_pumps)
            {
                _pumps.Add(RelayAsync(client));
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_target, _stop.Token);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var up = client.GetStream().CopyToAsync(upstream.GetStream(), done.Token);
                var down = upstream.GetStream().CopyToAsync(client.GetStream(), done.Token);
                await Task.WhenAny(up, down);
                await done.CancelAsync();
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
                // Either side closed, or the proxy is stopping.
            }
        }
    }
}
