using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>
/// What every Vision mapper needs: the organisation, the patient, the facade ids, when the record was retrieved (every
/// resource's <c>meta.lastUpdated</c>, docs/adr/0009-freshness-and-provenance.md), and where to report issues.
/// </summary>
internal sealed class VisionMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
{
    /// <summary>The issue code prefix (<see cref="MappingIssues"/>).</summary>
    public const string IssuePrefix = "VISION";

    public string OdsCode { get; } = odsCode;

    /// <summary>"INPS Vision (vision) at Name (ODS)", for issue messages.</summary>
    public string SourceLabel { get; } = VisionCodeSystems.DisplayName + " (" + VisionCodeSystems.SupplierId + ") at " + organisationLabel;

    public string NhsNumber { get; } = nhsNumber;

    public List<Issue> Issues { get; } = [];

    public string PatientId => Id(FhirResourceTypes.Patient, NhsNumber);

    public Reference PatientReference => Reference.To("Patient", PatientId);

    /// <summary>The native id of an item (problem, allergy, prescription, usual GP): the NHS number and the item id (reads need both).</summary>
    public string ItemNativeId(string itemId) => NhsNumber + "/" + itemId;

    /// <summary>The facade id of this organisation's <paramref name="resourceType"/> with the given native id (signed, so only the facade can make one).</summary>
    public string Id(string resourceType, string nativeId) => ids.Encode(resourceType, new FacadeResourceId(VisionCodeSystems.SupplierId, OdsCode, nativeId));

    /// <summary>The usual GP, a readable Practitioner (read through the patient's record by SDS user id).</summary>
    public Reference UsualGpReference(string sdsUserId, string? display) => Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, ItemNativeId(sdsUserId)), display);

    /// <summary>
    /// Any other clinician (prescriber, recorder) by SDS user id, as a logical (identifier) reference: Vision sends
    /// only their XCN, so a literal <c>Practitioner/{id}</c> could not be read and would dangle.
    /// </summary>
    public static Reference? PractitionerReference(string? sdsUserId, string? display = null) =>
        string.IsNullOrEmpty(sdsUserId) ? null : Reference.ToIdentifier("Practitioner", UkCoreSystems.SdsUserId, sdsUserId, display);

    /// <summary>When Vision answered; <see langword="null"/> only in mapper tests that build a context by hand.</summary>
    public DateTimeOffset? Retrieved { get; } = retrieved;

    public Meta Meta(string profile) => ResourceSource.Meta(profile, VisionCodeSystems.SupplierId, OdsCode, Retrieved);

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    public void Unmappable(string what, string? itemId, string reason) =>
        Issues.Add(MappingIssues.Unmappable(IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, string? itemId, string reason) =>
        Issues.Add(MappingIssues.Degraded(IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports a Read v2 code the ConceptMap does not map: the Read v2 coding and the text are kept.</summary>
    public void Unmapped(string what, string? itemId, string readCode) =>
        Issues.Add(MappingIssues.UnmappedCode(IssuePrefix, SourceLabel, what, itemId, "Read v2", readCode));
}
