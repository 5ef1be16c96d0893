using System.Diagnostics.CodeAnalysis;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// A supplier that answers a question about one patient with a record naming no patient (no NHS number) has sent a
/// malformed answer. It is not a <see cref="PatientMismatch"/> (nothing says whose record it is), but it cannot be
/// shown either: every id and Patient reference mapped from it would be about nobody. Adapters check this first, where
/// they check the mismatch, before the record's restrictions and before anything is mapped; the gateway turns the
/// failure into 502 for a read and a supplier-failure warning for a search.
/// </summary>
public static class UnnamedRecord
{
    /// <summary>
    /// Throws <see cref="SupplierFailureKind.Malformed"/> when <paramref name="recordNhsNumber"/>, the NHS number the
    /// answering record names, is missing or blank. The message names the supplier only, never patient data.
    /// </summary>
    /// <param name="supplierName">The supplier as exception messages name it (<c>EMIS</c>, <c>TPP</c>).</param>
    /// <param name="recordNhsNumber">The NHS number the record names, if any.</param>
    public static void ThrowIfNamesNoPatient(string supplierName, [NotNull] string? recordNhsNumber)
    {
        if (string.IsNullOrWhiteSpace(recordNhsNumber))
        {
            throw new SupplierException(SupplierFailureKind.Malformed, $"{supplierName} sent a record that names no patient.");
        }
    }
}
