using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>One persistent MLLP connection (0x0B message 0x1C 0x0D) sending one query at a time.</summary>
internal sealed class MllpConnection : IAsyncDisposable
{
    private const byte StartBlock = 0x0B;
    private const byte EndBlock = 0x1C;
    private const byte CarriageReturn = 0x0D;
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _readBuffer = new byte[16 * 1024];
    private readonly MemoryStream _message = new();
    private int _buffered;
    private int _position;

    private MllpConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<MllpConnection> OpenAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(endPoint, cancellationToken);
            return new MllpConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one framed message and returns the framed answer's text.</summary>
    public async Task<string> SendAsync(string message, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var framed = new byte[body.Length + 3];
        framed[0] = StartBlock;
        body.CopyTo(framed, 1);
        framed[^2] = EndBlock;
        framed[^1] = CarriageReturn;
        await _stream.WriteAsync(framed, cancellationToken);
        return await ReadFrameAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _message.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> ReadFrameAsync(CancellationToken cancellationToken)
    {
        _message.SetLength(0);
        var started = false;
        var sawEnd = false;
        while (true)
        {
            if (_position == _buffered)
            {
                _buffered = await _stream.ReadAsync(_readBuffer, cancellationToken);
                _position = 0;
                if (_buffered == 0)
                {
                    throw new IOException("The MLLP connection closed before a complete answer.");
                }
            }

            var b = _readBuffer[_position++];
            if (!started)
            {
                started = b == StartBlock;
                continue;
            }

            if (sawEnd)
            {
                if (b == CarriageReturn)
                {
                    return Encoding.UTF8.GetString(_message.GetBuffer(), 0, (int)_message.Length);
                }

                _message.WriteByte(EndBlock);
                sawEnd = false;
            }

            if (b == EndBlock)
            {
                sawEnd = true;
                continue;
            }

            _message.WriteByte(b);
            if (_message.Length > MaxMessageBytes)
            {
                throw new IOException("MLLP answer too large.");
            }
        }
    }
}
