using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Search;

/// <summary>
/// The patient a search is about: a facade Patient id (<c>patient=Patient/{id}</c>) or an NHS number
/// (the chain <c>patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}</c>, or Patient's <c>identifier</c>).
/// Exactly one of the two is set.
/// </summary>
public sealed record PatientReferenceValue(FacadeResourceId? PatientId, NhsNumber? NhsNumber) : SearchValue;
