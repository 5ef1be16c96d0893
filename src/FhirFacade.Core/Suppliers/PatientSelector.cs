using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The patient a supplier query is about, as that supplier knows them: an NHS number, the supplier's
/// native patient id (from a facade Patient id), or neither for a demographic Patient search
/// (<c>family</c> + <c>birthdate</c>, carried in the query's criteria).
/// </summary>
public sealed record PatientSelector(NhsNumber? NhsNumber, string? NativePatientId)
{
    /// <summary>A demographic search: no patient named.</summary>
    public static PatientSelector Demographic { get; } = new(null, null);

    /// <summary>
    /// A patient named by a supplier's native patient id, which is also the NHS number when it is a valid
    /// one (EMIS Web, SystmOne and Evolution key their patient-scoped ids by NHS number).
    /// </summary>
    public static PatientSelector ForNativeId(string nativeId) =>
        new(Identity.NhsNumber.TryParse(nativeId, out var nhsNumber) ? nhsNumber : null, nativeId);
}
