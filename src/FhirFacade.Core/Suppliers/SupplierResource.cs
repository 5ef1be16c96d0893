using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// One FHIR resource mapped from a supplier's native record. Its <c>id</c> and references are
/// already facade ids (<see cref="Identity.ResourceIdCodec"/>); it carries <c>meta.profile</c> and <c>meta.source</c>.
/// </summary>
/// <param name="ResourceType">The FHIR resource type.</param>
/// <param name="NativeId">The supplier's id of the record.</param>
/// <param name="Resource">The resource tree.</param>
/// <param name="Version">The native version (becomes <c>meta.versionId</c> and the <c>ETag</c>), when the supplier has one.</param>
/// <param name="PatientNhsNumber">The NHS number of the patient the native record is about, as the record says.</param>
/// <param name="PatientNativeId">The supplier's id of that patient, as the record says.</param>
public sealed record SupplierResource(
    string ResourceType,
    string NativeId,
    ElementNode Resource,
    string? Version,
    string? PatientNhsNumber,
    string? PatientNativeId);
