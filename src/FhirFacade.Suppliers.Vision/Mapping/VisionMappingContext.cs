namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>The <see cref="SupplierMappingContext"/> of Vision mappers: the usual GP is readable, other clinicians only named by SDS user id.</summary>
internal sealed class VisionMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
    : SupplierMappingContext(VisionSupplierAdapter.Declared, odsCode, organisationLabel, nhsNumber, ids, retrieved)
{
    /// <summary>The usual GP, a readable Practitioner (read through the patient's record by SDS user id).</summary>
    public Reference UsualGpReference(string sdsUserId, string? display) => Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, ItemNativeId(sdsUserId)), display);

    /// <summary>
    /// Any other clinician (prescriber, recorder) by SDS user id, as a logical (identifier) reference: Vision sends
    /// only their XCN, so a literal <c>Practitioner/{id}</c> could not be read and would dangle.
    /// </summary>
    public static Reference? PractitionerReference(string? sdsUserId, string? display = null) =>
        string.IsNullOrEmpty(sdsUserId) ? null : Reference.ToIdentifier("Practitioner", UkCoreSystems.SdsUserId, sdsUserId, display);

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    public void Unmappable(string what, string? itemId, string reason) => ReportUnmappable(what, itemId, reason);

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, string? itemId, string reason) => ReportDegraded(what, itemId, reason);

    /// <summary>Reports a Read v2 code the ConceptMap does not map: the Read v2 coding and the text are kept.</summary>
    public void Unmapped(string what, string? itemId, string readCode) => ReportUnmappedCode(what, itemId, "Read v2", readCode);
}
