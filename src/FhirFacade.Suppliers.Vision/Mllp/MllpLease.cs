namespace FhirFacade.Suppliers.Vision.Mllp;

/// <summary>A connection taken from the pool, whether it was <paramref name="Reused"/> (idle before) or opened for this call.</summary>
internal sealed record MllpLease(MllpConnection Connection, MllpEndpointConnections Endpoint, bool Reused);
