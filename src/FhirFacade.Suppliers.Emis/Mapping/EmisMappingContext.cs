using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>What every EMIS mapper needs: the organisation, the patient, the facade ids, and where to report issues.</summary>
internal sealed class EmisMappingContext(string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids)
{
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

    public Meta Meta(string profile) => new() { Profile = [profile], Source = ResourceSource.For(EmisCodeSystems.SupplierId, OdsCode) };

    /// <summary>Reports an item that could not be mapped (the item is left out); never patient data.</summary>
    public void Unmappable(string what, string reason) =>
        Issues.Add(new Issue("EMIS-UNMAPPABLE", IssueSeverity.Warning, IssueType.Processing, $"A {what} from {SourceLabel} could not be mapped ({reason}) and was left out."));
}
