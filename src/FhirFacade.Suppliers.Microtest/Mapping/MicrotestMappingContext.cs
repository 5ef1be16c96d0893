namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>The <see cref="SupplierMappingContext"/> of Evolution mappers: clinicians are only named by SDS user id, Read v2 codes reported as such.</summary>
internal sealed class MicrotestMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
    : SupplierMappingContext(MicrotestSupplierAdapter.Declared, odsCode, organisationLabel, nhsNumber, ids, retrieved)
{
    /// <summary>
    /// A practitioner by SDS user id, as a logical (identifier) reference: Evolution has no practitioner
    /// endpoint, so a literal <c>Practitioner/{id}</c> could never be read and would dangle.
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
