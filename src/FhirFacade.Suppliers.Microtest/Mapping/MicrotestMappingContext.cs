using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>What every Evolution mapper needs: the organisation, the patient, the facade ids, and where to report issues.</summary>
internal sealed class MicrotestMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids)
{
    public string OdsCode { get; } = odsCode;

    /// <summary>"Microtest Evolution (microtest) at Name (ODS)", for issue messages.</summary>
    public string SourceLabel { get; } = "Microtest Evolution (microtest) at " + organisationLabel;

    public string NhsNumber { get; } = nhsNumber;

    public List<Issue> Issues { get; } = [];

    public string PatientId => Id(FhirResourceTypes.Patient, NhsNumber);

    public Reference PatientReference => Reference.To("Patient", PatientId);

    /// <summary>The native id of an item: the NHS number and the item id (reads need both).</summary>
    public string ItemNativeId(string itemId) => NhsNumber + "/" + itemId;

    /// <summary>The facade id of this organisation's <paramref name="resourceType"/> with the given native id (signed, so only the facade can make one).</summary>
    public string Id(string resourceType, string nativeId) => ids.Encode(resourceType, new FacadeResourceId(MicrotestCodeSystems.SupplierId, OdsCode, nativeId));

    /// <summary>
    /// A practitioner by SDS user id, as a logical (identifier) reference: Evolution has no practitioner
    /// endpoint, so a literal <c>Practitioner/{id}</c> could never be read and would dangle.
    /// </summary>
    public static Reference? PractitionerReference(string? sdsUserId, string? display = null) =>
        string.IsNullOrEmpty(sdsUserId) ? null : Reference.ToIdentifier("Practitioner", UkCoreSystems.SdsUserId, sdsUserId, display);

    public Meta Meta(string profile) => new() { Profile = [profile], Source = ResourceSource.For(MicrotestCodeSystems.SupplierId, OdsCode) };

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    public void Unmappable(string what, string? itemId, string reason) =>
        Issues.Add(new Issue("MICROTEST-UNMAPPABLE", IssueSeverity.Warning, IssueType.Processing, $"The {what} {ItemLabel(itemId)} from {SourceLabel} could not be mapped ({reason}) and was left out."));

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, string? itemId, string reason) =>
        Issues.Add(new Issue("MICROTEST-DEGRADED", IssueSeverity.Warning, IssueType.Processing, $"The {what} {ItemLabel(itemId)} from {SourceLabel}: {reason}."));

    /// <summary>Reports a Read v2 code the ConceptMap does not map: the Read v2 coding and the text are kept.</summary>
    public void Unmapped(string what, string? itemId, string readCode) =>
        Issues.Add(new Issue("MICROTEST-UNMAPPED-CODE", IssueSeverity.Information, IssueType.CodeInvalid, $"The {what} {ItemLabel(itemId)} from {SourceLabel} has Read v2 code '{readCode}', which has no SNOMED CT mapping; the original coding and text are kept."));

    private static string ItemLabel(string? itemId) => string.IsNullOrEmpty(itemId) ? "(no id)" : "'" + itemId + "'";
}
