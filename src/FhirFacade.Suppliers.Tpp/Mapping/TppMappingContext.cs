using System.Globalization;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>What every TPP mapper needs: the unit, the patient, the facade ids, the CTV3 map, and where to report issues.</summary>
internal sealed class TppMappingContext(string odsCode, string organisationLabel, string nhsNumber, SnomedConceptMap ctv3Map, ResourceIdCodec ids)
{
    public string OdsCode { get; } = odsCode;

    /// <summary>"TPP SystmOne (tpp) at Name (ODS)", for issue messages.</summary>
    public string SourceLabel { get; } = "TPP SystmOne (tpp) at " + organisationLabel;

    public string NhsNumber { get; } = nhsNumber;

    public SnomedConceptMap Ctv3Map { get; } = ctv3Map;

    public List<Issue> Issues { get; } = [];

    public string PatientId => Id(FhirResourceTypes.Patient, NhsNumber);

    public Reference PatientReference => Reference.To("Patient", PatientId);

    /// <summary>The native id of a row: the NHS number and the SystmOne row id (reads need both).</summary>
    public string RowNativeId(long rowId) => NhsNumber + "/" + rowId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The facade id of this organisation's <paramref name="resourceType"/> with the given native id (signed, so only the facade can make one).</summary>
    public string Id(string resourceType, string nativeId) => ids.Encode(resourceType, new FacadeResourceId(TppCodeSystems.SupplierId, OdsCode, nativeId));

    /// <summary>A member of staff, by staff row id, read through the patient's record (<see cref="RowNativeId"/>).</summary>
    public Reference? PractitionerReference(long? staffRowId, string? display = null) =>
        staffRowId is { } id ? Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, RowNativeId(id)), display) : null;

    public Meta Meta(string profile) => new() { Profile = [profile], Source = ResourceSource.For(TppCodeSystems.SupplierId, OdsCode) };

    /// <summary>Reports an item that could not be mapped (the item is left out); never patient data.</summary>
    public void Unmappable(string what, string reason) =>
        Issues.Add(new Issue("TPP-UNMAPPABLE", IssueSeverity.Warning, IssueType.Processing, $"A {what} from {SourceLabel} could not be mapped ({reason}) and was left out."));

    /// <summary>Reports a CTV3 code with no SNOMED CT equivalent: the item keeps its CTV3 coding and text.</summary>
    public void Unmapped(string ctv3Code) =>
        Issues.Add(new Issue("TPP-CTV3-UNMAPPED", IssueSeverity.Information, IssueType.CodeInvalid, $"CTV3 code '{ctv3Code}' from {SourceLabel} has no SNOMED CT map; the original coding and text are kept."));

    /// <summary>Reports a value that is not in its documented form (left out of the resource); never the value itself.</summary>
    public void InvalidValue(string what) =>
        Issues.Add(new Issue("TPP-INVALID-VALUE", IssueSeverity.Warning, IssueType.Value, $"A {what} from {SourceLabel} is not a valid value and was left out."));
}
