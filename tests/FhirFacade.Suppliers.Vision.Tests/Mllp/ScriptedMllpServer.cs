using System.Net;
using System.Net.Sockets;
using System.Text;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Mllp;

namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

/// <summary>
/// A loopback MLLP listener whose answers a test scripts: for each query it is given the connection number, the
/// query's number on that connection, its MSH-10 and what it asked (QPD-1, QPD-3), and returns the raw bytes to send
/// back, or <see langword="null"/> to close the connection without answering. Counts connections and queries.
/// </summary>
internal sealed class ScriptedMllpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<ScriptedQuery, byte[]?> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _acceptLoop;
    private int _connectionCount;
    private int _queryCount;

    private readonly bool _closeAfterAnswer;

    public ScriptedMllpServer(Func<ScriptedQuery, byte[]?> answer, bool closeAfterAnswer = false)
    {
        _answer = answer;
        _closeAfterAnswer = closeAfterAnswer;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri Endpoint => new($"mllp://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connectionCount);

    public int Queries => Volatile.Read(ref _queryCount);

    /// <summary>An answer of text, framed.</summary>
    public static byte[] Framed(string text) => MllpFraming.Frame(Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
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

            var number = Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(ServeAsync(client, number));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new MllpReader(stream, 1024 * 1024);
                for (var query = 1; ; query++)
                {
                    var bytes = await reader.ReadAsync(_stop.Token);
                    if (bytes is null)
                    {
                        return;
                    }

                    Interlocked.Increment(ref _queryCount);
                    var parsed = Hl7Message.TryParse(Encoding.UTF8.GetString(bytes), out var message, out _);
                    var qpd = parsed ? message!.First("QPD") : null;
                    var answer = _answer(new ScriptedQuery(connection, query, parsed ? message!.Header.Value(10) : string.Empty, qpd?.Value(1) ?? string.Empty, qpd?.Value(3) ?? string.Empty));
                    if (answer is null)
                    {
                        return;
                    }

                    await stream.WriteAsync(answer, _stop.Token);
                    if (_closeAfterAnswer)
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or MllpException)
            {
                // The client went away or the server is stopping.
            }
        }
    }
}
