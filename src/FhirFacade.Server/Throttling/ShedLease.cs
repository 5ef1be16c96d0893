using System.Threading.RateLimiting;

namespace FhirFacade.Server.Throttling;

/// <summary>The lease of a request that was not admitted, saying why.</summary>
internal sealed class ShedLease : RateLimitLease
{
    private static readonly string[] Names = [MetadataName.ReasonPhrase.Name];

    private ShedLease(string reason)
    {
        Reason = reason;
    }

    public static ShedLease QueueFull { get; } = new(ShedReason.QueueFull);

    public static ShedLease QueueTimeout { get; } = new(ShedReason.QueueTimeout);

    /// <summary>A <see cref="ShedReason"/> value.</summary>
    public string Reason { get; }

    public override bool IsAcquired => false;

    public override IEnumerable<string> MetadataNames => Names;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.ReasonPhrase.Name ? Reason : null;
        return metadata is not null;
    }
}
