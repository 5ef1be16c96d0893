using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Vision;

/// <summary>
/// The simulated Vision interface: HL7 v2.5 QBP^Q11 / RSP^K11 over MLLP on TCP (docs/suppliers/vision.md).
/// Connections are persistent: a client may send any number of queries on one connection.
/// </summary>
public sealed class VisionSimulator : ISupplierSimulator
{
    private readonly VisionSimulatorOptions _options;
    private readonly VisionQueryHandler _handler;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _session = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _port;
    private bool _disposed;

    private VisionSimulator(VisionSimulatorOptions options)
    {
        _options = options;
        _port = options.Port;
        _handler = new VisionQueryHandler(options);
        Faults.Changed += (_, _) => _ = SyncListenerAsync(CancellationToken.None);
    }

    public SupplierKind Supplier => SupplierKind.Vision;

    /// <summary>The MLLP endpoint (127.0.0.1 and the port).</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, _port);

    /// <summary>The value queries must carry in MSH-8.</summary>
    public string AccessKey => _options.AccessKey;

    public FaultController Faults { get; } = new();

    public bool IsListening => _listener is not null;

    public static async Task<VisionSimulator> StartAsync(VisionSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new VisionSimulator(options);
        await simulator._gate.WaitAsync(cancellationToken);
        try
        {
            simulator.StartCore();
        }
        finally
        {
            simulator._gate.Release();
        }

        return simulator;
    }

    public async Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken)
    {
        Faults.Set(fault);
        await SyncListenerAsync(cancellationToken);
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        Faults.Clear();
        await SyncListenerAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            await StopCoreAsync();
        }
        finally
        {
            _gate.Release();
        }

        _session.Dispose();
    }

    private async Task SyncListenerAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return;
            }

            if (Faults.IsRefusingConnections && _listener is not null)
            {
                await StopCoreAsync();
            }
            else if (!Faults.IsRefusingConnections && _listener is null)
            {
                StartCore();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void StartCore()
    {
        if (_session.IsCancellationRequested)
        {
            _session.Dispose();
            _session = new CancellationTokenSource();
        }

        var listener = new TcpListener(IPAddress.Loopback, _port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        var token = _session.Token;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(listener, token), CancellationToken.None);
    }

    private async Task StopCoreAsync()
    {
        if (_listener is null)
        {
            return;
        }

        await _session.CancelAsync();
        _listener.Stop();
        _listener = null;
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        await _acceptLoop;
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections[client] = 0;
            _ = Task.Run(() => ServeAsync(client, cancellationToken), CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        try
        {
            var stream = client.GetStream();
            while (!cancellationToken.IsCancellationRequested)
            {
                var message = await MllpFraming.ReadAsync(stream, cancellationToken);
                if (message is null)
                {
                    return;
                }

                var faults = Faults.For(VisionQueryHandler.NhsNumberOf(message));
                if (faults.LatencyMs > 0)
                {
                    await Task.Delay(faults.LatencyMs, cancellationToken);
                }

                if (faults.Hang)
                {
                    await Task.Delay(_options.MaxHang, cancellationToken);
                    return;
                }

                var answer = _handler.Handle(message, faults);
                await stream.WriteAsync(MllpFraming.Frame(answer), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, the simulator stopped, or the client sent an oversized frame: drop the connection.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }
}
