using System.Globalization;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>
/// What every TPP mapper needs: the unit, the patient, the facade ids, the CTV3 map, when the record was retrieved (every
/// resource's <c>meta.lastUpdated</c>, docs/adr/0009-freshness-and-provenance.md), and where to report issues.
/// </summary>
internal sealed class TppMappingContext(string odsCode, string organisationLabel, string nhsNumber, SnomedConceptMap ctv3Map, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
{
    /// <summary>The issue code prefix (<see cref="MappingIssues"/>).</summary>
    public const string IssuePrefix = "TPP";

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

    /// <summary>When TPP answered; <see langword="null"/> only in mapper tests that build a context by hand.</summary>
    public DateTimeOffset? Retrieved { get; } = retrieved;

    public Meta Meta(string profile) => ResourceSource.Meta(profile, TppCodeSystems.SupplierId, OdsCode, Retrieved);

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its row id, never patient data.</summary>
    public void Unmappable(string what, string reason, long? rowId = null) =>
        Issues.Add(MappingIssues.Unmappable(IssuePrefix, SourceLabel, what, RowLabel(rowId), reason));

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, long? rowId, string reason) =>
        Issues.Add(MappingIssues.Degraded(IssuePrefix, SourceLabel, what, RowLabel(rowId), reason));

    /// <summary>Reports a CTV3 code with no SNOMED CT equivalent: the item keeps its CTV3 coding and text.</summary>
    public void UnmappedCode(string what, long? rowId, string ctv3Code) =>
        Issues.Add(MappingIssues.UnmappedCode(IssuePrefix, SourceLabel, what, RowLabel(rowId), "CTV3", ctv3Code));

    /// <summary>Reports a value that is not in its documented form (left out of the resource); never the value itself.</summary>
    public void InvalidValue(string what, long? rowId = null) => Degraded(what, rowId, "not a valid value, so it was left out");

    private static string? RowLabel(long? rowId) => rowId?.ToString(CultureInfo.InvariantCulture);
}
