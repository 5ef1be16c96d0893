using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>
/// A small pool of open MLLP connections per endpoint (Vision connections are persistent): at most
/// <see cref="VisionOptions.MaxConnectionsPerEndpoint"/> open per endpoint, busy or idle; a caller beyond that
/// waits for one to come back. An idle connection that the peer closed, that sent something unasked, or that
/// sat idle past <see cref="VisionOptions.IdleTimeout"/> is closed instead of reused.
/// </summary>
internal sealed class MllpConnectionPool(IOptions<VisionOptions> options, TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<string, MllpEndpointConnections> _endpoints = new(StringComparer.OrdinalIgnoreCase);
    private int _opened;
    private bool _disposed;

    /// <summary>Connections opened since the pool was created (a measure of reuse).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>
    /// A connection to <paramref name="host"/>:<paramref name="port"/>: an idle one when there is one that still looks
    /// open, else a new one. Return it with <see cref="Return"/>, saying whether it can be used again.
    /// </summary>
    public async Task<MllpLease> AcquireAsync(string host, int port, bool fresh, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var settings = options.Value;
        var endpoint = _endpoints.GetOrAdd(host + ":" + port, _ => new MllpEndpointConnections(settings.MaxConnectionsPerEndpoint));
        await endpoint.Slots.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            while (!fresh && endpoint.Idle.TryPop(out var idle))
            {
                if (idle.LooksOpen() && now - idle.LastUsed < settings.IdleTimeout)
                {
                    return new MllpLease(idle, endpoint, Reused: true);
                }

                idle.Dispose();
            }

            var opened = await MllpConnection.OpenAsync(host, port, settings.MaxMessageBytes, now, cancellationToken);
            Interlocked.Increment(ref _opened);
            return new MllpLease(opened, endpoint, Reused: false);
        }
        catch
        {
            endpoint.Slots.Release();
            throw;
        }
    }

    /// <summary>Gives a connection back: kept for reuse when <paramref name="reusable"/> (and the pool is open), else closed.</summary>
    public void Return(MllpLease lease, bool reusable)
    {
        if (reusable && !_disposed && !lease.Connection.HasUnexpectedData)
        {
            lease.Connection.LastUsed = timeProvider.GetUtcNow();
            lease.Endpoint.Idle.Push(lease.Connection);
        }
        else
        {
            lease.Connection.Dispose();
        }

        lease.Endpoint.Slots.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var endpoint in _endpoints.Values)
        {
            while (endpoint.Idle.TryPop(out var connection))
            {
                connection.Dispose();
            }
        }
    }
}
