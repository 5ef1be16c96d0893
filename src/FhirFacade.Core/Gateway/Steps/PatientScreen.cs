using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>Whether a resource a supplier returned is the asked-about patient's: the backstop against another patient's data.</summary>
internal static class PatientScreen
{
    /// <summary><see langword="true"/> when <paramref name="resource"/> carries the patient <paramref name="selector"/> asked about (always, for a demographic search).</summary>
    public static bool BelongsToPatient(SupplierResource resource, PatientSelector selector)
    {
        if (selector.NhsNumber is { } nhsNumber)
        {
            return string.Equals(resource.PatientNhsNumber, nhsNumber.Value, StringComparison.Ordinal);
        }

        if (selector.NativePatientId is { } nativeId)
        {
            return string.Equals(resource.PatientNativeId, nativeId, StringComparison.Ordinal);
        }

        return true;
    }

    /// <summary>A medication carries its patient only when the supplier says so; when it does, it must be this patient.</summary>
    public static bool BelongsToPatientOrUnknown(SupplierResource resource, PatientSelector selector) =>
        (resource.PatientNhsNumber is null && resource.PatientNativeId is null) || BelongsToPatient(resource, selector);

    /// <summary><see langword="true"/> when a read's answer (its resource, or the record it came from) is about someone other than <paramref name="askedAbout"/>.</summary>
    public static bool IsAboutAnotherPatient(SupplierReadResult read, PatientSelector askedAbout) => read.Resource is { } resource
        ? !BelongsToPatient(resource, askedAbout)
        : read.RecordNhsNumber is { } recordNhsNumber && askedAbout.NhsNumber is { } nhsNumber && !string.Equals(recordNhsNumber, nhsNumber.Value, StringComparison.Ordinal);
}
