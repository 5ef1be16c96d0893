namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// The <see cref="SupplierMappingContext"/> of EMIS mappers: EMIS events are named by GUID, EMIS local codes reported as such.
/// Public as the argument of the EMIS mappers.
/// </summary>
public sealed class EmisMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
    : SupplierMappingContext(EmisSupplierAdapter.Declared, odsCode, organisationLabel, nhsNumber, ids, retrieved)
{
    /// <summary>The native id of an event: the NHS number and the event GUID (reads need both).</summary>
    public string EventNativeId(string eventId) => ItemNativeId(eventId);

    public Reference? PractitionerReference(string? sdsUserId) => sdsUserId is null ? null : Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, sdsUserId));

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    public void Unmappable(string what, string reason, string? itemId = null) => ReportUnmappable(what, itemId, reason);

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, string? itemId, string reason) => ReportDegraded(what, itemId, reason);

    /// <summary>Reports an EMIS local code the ConceptMap does not map: the EMIS coding and the text are kept.</summary>
    public void UnmappedCode(string what, string? itemId, string code) => ReportUnmappedCode(what, itemId, "EMIS local", code);
}
