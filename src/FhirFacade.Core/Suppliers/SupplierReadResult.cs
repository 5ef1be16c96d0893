using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>What one supplier answered to a read: the resource (or <see langword="null"/> when it does not exist) and issues.</summary>
public sealed record SupplierReadResult(SupplierResource? Resource, IReadOnlyList<Issue> Issues)
{
    /// <summary>The record does not exist.</summary>
    public static SupplierReadResult NotFound { get; } = new(null, []);
}
