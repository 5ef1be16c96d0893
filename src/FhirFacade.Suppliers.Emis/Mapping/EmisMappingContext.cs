using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// What every EMIS mapper needs: the organisation, the patient, the facade ids, when the record was retrieved (every
/// resource's <c>meta.lastUpdated</c>, docs/adr/0009-freshness-and-provenance.md), and where to report issues.
/// </summary>
internal sealed class EmisMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
{
    /// <summary>The issue code prefix (<see cref="MappingIssues"/>).</summary>
    public const string IssuePrefix = "EMIS";

    public string OdsCode { get; } = odsCode;

    /// <summary>"EMIS Web at Name (ODS)", for issue messages.</summary>
    public string SourceLabel { get; } = "EMIS Web (emis) at " + organisationLabel;

    public string NhsNumber { get; } = nhsNumber;

    public List<Issue> Issues { get; } = [];

    public string PatientId => Id(FhirResourceTypes.Patient, NhsNumber);

    public Reference PatientReference => Reference.To("Patient", PatientId);

    /// <summary>The native id of an event: the NHS number and the event GUID (reads need both).</summary>
    public string EventNativeId(string eventId) => NhsNumber + "/" + eventId;

    /// <summary>The facade id of this organisation's <paramref name="resourceType"/> with the given native id (signed, so only the facade can make one).</summary>
    public string Id(string resourceType, string nativeId) => ids.Encode(resourceType, new FacadeResourceId(EmisCodeSystems.SupplierId, OdsCode, nativeId));

    public Reference? PractitionerReference(string? sdsUserId) => sdsUserId is null ? null : Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, sdsUserId));

    /// <summary>When EMIS answered; <see langword="null"/> only in mapper tests that build a context by hand.</summary>
    public DateTimeOffset? Retrieved { get; } = retrieved;

    public Meta Meta(string profile) => ResourceSource.Meta(profile, EmisCodeSystems.SupplierId, OdsCode, Retrieved);

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    public void Unmappable(string what, string reason, string? itemId = null) =>
        Issues.Add(MappingIssues.Unmappable(IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, string? itemId, string reason) =>
        Issues.Add(MappingIssues.Degraded(IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports an EMIS local code the ConceptMap does not map: the EMIS coding and the text are kept.</summary>
    public void UnmappedCode(string what, string? itemId, string code) =>
        Issues.Add(MappingIssues.UnmappedCode(IssuePrefix, SourceLabel, what, itemId, "EMIS local", code));
}
