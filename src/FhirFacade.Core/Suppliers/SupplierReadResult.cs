using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>What one supplier answered to a read: the resource (or <see langword="null"/> when it does not exist) and issues.</summary>
public sealed record SupplierReadResult(SupplierResource? Resource, IReadOnlyList<Issue> Issues)
{
    /// <summary>The record does not exist.</summary>
    public static SupplierReadResult NotFound { get; } = new(null, []);

    /// <summary>
    /// The patient the read asked the supplier about (for a patient-scoped record), so the gateway can
    /// drop an answer about someone else as it does for searches; <see langword="null"/> for records
    /// that belong to no patient (Organization, Practitioner).
    /// </summary>
    public PatientSelector? AskedAbout { get; init; }

    /// <summary>
    /// The NHS number of the patient the native record the supplier answered with is about, even when the
    /// record turned out not to hold the item asked for (an answer about someone else is a supplier fault,
    /// not "no such record").
    /// </summary>
    public string? RecordNhsNumber { get; init; }
}
