using System.Collections.Concurrent;

namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>The pooled connections of one endpoint: a slot per connection allowed, and the idle ones.</summary>
internal sealed class MllpEndpointConnections(int maxConnections)
{
    public SemaphoreSlim Slots { get; } = new(maxConnections, maxConnections);

    public ConcurrentStack<MllpConnection> Idle { get; } = new();
}
