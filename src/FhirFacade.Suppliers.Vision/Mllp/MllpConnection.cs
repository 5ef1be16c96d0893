using System.Net.Sockets;

namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// One open TCP connection to an MLLP endpoint: one query at a time, each answered by one frame.
/// Public, with <see cref="MllpFraming"/> and <see cref="MllpException"/>, as the Vision adapter's MLLP transport: the benchmarks' MLLP load (tests/FhirFacade.Benchmarks/Mllp) drives the Vision simulator through it.
/// </summary>
public sealed class MllpConnection : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MllpReader _reader;
    private long _bytesReadBefore;

    private MllpConnection(TcpClient client, int maxMessageBytes, DateTimeOffset openedAt)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new MllpReader(_stream, maxMessageBytes);
        LastUsed = openedAt;
    }

    /// <summary>When the connection was opened or last returned to the pool.</summary>
    public DateTimeOffset LastUsed { get; set; }

    /// <summary>How many exchanges completed on this connection.</summary>
    public int Exchanges { get; private set; }

    /// <summary><see langword="true"/> once the current exchange received any byte of an answer.</summary>
    public bool ReceivedAnswerBytes => _reader.BytesRead > _bytesReadBefore;

    public static async Task<MllpConnection> OpenAsync(string host, int port, int maxMessageBytes, DateTimeOffset openedAt, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            return new MllpConnection(client, maxMessageBytes, openedAt);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// <see langword="true"/> when the idle connection still looks open: the peer has not closed it and sent nothing
    /// unasked. (A closed socket polls readable with nothing to read.)
    /// </summary>
    public bool LooksOpen()
    {
        try
        {
            var socket = _client.Client;
            return socket.Connected && !socket.Poll(0, SelectMode.SelectRead) && !_reader.HasBufferedData;
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Sends one framed query and reads the one framed answer; <see langword="null"/> when the peer closed the connection instead.</summary>
    public async Task<byte[]?> ExchangeAsync(byte[] framedQuery, CancellationToken cancellationToken)
    {
        _bytesReadBefore = _reader.BytesRead;
        await _stream.WriteAsync(framedQuery, cancellationToken);
        var answer = await _reader.ReadAsync(cancellationToken);
        if (answer is not null)
        {
            Exchanges++;
        }

        return answer;
    }

    /// <summary><see langword="true"/> when more bytes arrived than the one answer (the connection is out of step).</summary>
    public bool HasUnexpectedData => _reader.HasBufferedData;

    public void Dispose()
    {
        _stream.Dispose();
        _client.Dispose();
    }
}
