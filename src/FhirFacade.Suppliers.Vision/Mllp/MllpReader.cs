namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// Reads MLLP frames from one connection's stream, however the bytes arrive (a frame split over many reads,
/// or several frames in one). Holds bytes read past the end of a frame for the next call.
/// </summary>
internal sealed class MllpReader(Stream stream, int maxMessageBytes)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary><see langword="true"/> when bytes past the last frame were already received (a peer that answers more than asked).</summary>
    public bool HasBufferedData => _end > _start;

    /// <summary>Bytes received from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// The next message (without its envelope); <see langword="null"/> when the stream ends cleanly before a new frame starts.
    /// Throws <see cref="MllpException"/> for bytes that break the envelope, an oversize message, or an end of stream mid-frame.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(cancellationToken))
        {
            return null;
        }

        if (_buffer[_start] != MllpFraming.StartBlock)
        {
            throw new MllpException(MllpError.Garbage, "Data before the MLLP start block.");
        }

        _start++;
        using var message = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new MllpException(MllpError.Truncated, "The connection closed inside an MLLP frame.");
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var stop = span.IndexOfAny(MllpFraming.EndBlock, MllpFraming.StartBlock);
            var content = stop < 0 ? span : span[..stop];
            if (message.Length + content.Length > maxMessageBytes)
            {
                throw new MllpException(MllpError.Oversize, $"The MLLP message is longer than {maxMessageBytes} bytes.");
            }

            message.Write(content);
            _start += content.Length;
            if (stop < 0)
            {
                continue;
            }

            if (span[stop] == MllpFraming.StartBlock)
            {
                throw new MllpException(MllpError.Garbage, "An MLLP start block inside a frame.");
            }

            _start++;
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new MllpException(MllpError.Truncated, "The connection closed after the MLLP end block.");
            }

            if (_buffer[_start] != MllpFraming.CarriageReturn)
            {
                throw new MllpException(MllpError.Garbage, "The MLLP end block is not followed by a carriage return.");
            }

            _start++;
            return message.ToArray();
        }
    }

    /// <summary>Makes sure some unread bytes are buffered; <see langword="false"/> at end of stream.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            return true;
        }

        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken);
        BytesRead += _end;
        return _end > 0;
    }
}
