namespace FhirFacade.Server.Http;

/// <summary>
/// Where the audit holds an answer until its record is committed (<see cref="Auditing.AuditMiddleware"/>): the response
/// body stream for everything inside the audit. A whole serialized answer is taken as it is (<see cref="TryHold"/>,
/// from <see cref="FhirResponseWriter"/>), so the answer's bytes are held once, in the serializer's array, not copied
/// into a second buffer; anything written through the stream is kept in a memory stream as before. Seekable only so
/// that clearing the response (<c>HttpResponse.Clear</c>, on the way to an error answer) empties it; it is never read
/// back but released whole (<see cref="ReleaseAsync"/>).
/// </summary>
internal sealed class HeldResponseBody : Stream
{
    private byte[]? _whole;
    private MemoryStream? _written;

    /// <summary>The bytes held.</summary>
    public override long Length => _whole?.Length ?? _written?.Length ?? 0;

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    /// <summary>Always the end: what is held is appended to, cleared, or released whole.</summary>
    public override long Position
    {
        get => Length;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>
    /// Holds <paramref name="body"/>, a whole answer the caller hands over and no longer writes to, without copying it;
    /// <see langword="false"/> (nothing held) when something was written already, which the caller then appends to.
    /// </summary>
    public bool TryHold(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Length != 0)
        {
            return false;
        }

        _whole = body;
        return true;
    }

    /// <summary>Writes what is held to <paramref name="destination"/> (the response's own body), from the held array itself.</summary>
    public async Task ReleaseAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_whole is { } whole)
        {
            await destination.WriteAsync(whole, cancellationToken);
        }
        else if (_written is { Length: > 0 } written)
        {
            written.Position = 0;
            await written.CopyToAsync(destination, cancellationToken);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Something written after a whole answer (never done by the facade's writers) is appended to a copy of it.
        _written ??= new MemoryStream();
        if (_whole is { } whole)
        {
            _written.Write(whole);
            _whole = null;
        }

        _written.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Only clearing (to 0) is supported.</summary>
    public override void SetLength(long value)
    {
        if (value != 0)
        {
            throw new NotSupportedException("A held answer can only be cleared.");
        }

        _whole = null;
        _written?.SetLength(0);
    }

    /// <summary>Only to the end, where the stream always is.</summary>
    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current or SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return target == Length ? target : throw new NotSupportedException("A held answer is not read back or rewritten in place.");
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A held answer is released, not read.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _written?.Dispose();
            _whole = null;
        }

        base.Dispose(disposing);
    }
}
