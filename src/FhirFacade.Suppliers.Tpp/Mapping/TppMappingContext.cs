using System.Globalization;
using FhirFacade.Core.Terminology;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>The <see cref="SupplierMappingContext"/> of TPP mappers: SystmOne rows are named by row id, CTV3 codes translated through the unit's map.</summary>
internal sealed class TppMappingContext(string odsCode, string organisationLabel, string nhsNumber, SnomedConceptMap ctv3Map, ResourceIdCodec ids, DateTimeOffset? retrieved = null)
    : SupplierMappingContext(TppSupplierAdapter.Declared, odsCode, organisationLabel, nhsNumber, ids, retrieved)
{
    public SnomedConceptMap Ctv3Map { get; } = ctv3Map;

    /// <summary>The native id of a row: the NHS number and the SystmOne row id (reads need both).</summary>
    public string RowNativeId(long rowId) => ItemNativeId(rowId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A member of staff, by staff row id, read through the patient's record (<see cref="RowNativeId"/>).</summary>
    public Reference? PractitionerReference(long? staffRowId, string? display = null) =>
        staffRowId is { } id ? Reference.To("Practitioner", Id(FhirResourceTypes.Practitioner, RowNativeId(id)), display) : null;

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its row id, never patient data.</summary>
    public void Unmappable(string what, string reason, long? rowId = null) => ReportUnmappable(what, RowLabel(rowId), reason);

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    public void Degraded(string what, long? rowId, string reason) => ReportDegraded(what, RowLabel(rowId), reason);

    /// <summary>Reports a CTV3 code with no SNOMED CT equivalent: the item keeps its CTV3 coding and text.</summary>
    public void UnmappedCode(string what, long? rowId, string ctv3Code) => ReportUnmappedCode(what, RowLabel(rowId), "CTV3", ctv3Code);

    /// <summary>Reports a value that is not in its documented form (left out of the resource); never the value itself.</summary>
    public void InvalidValue(string what, long? rowId = null) => Degraded(what, rowId, "not a valid value, so it was left out");

    private static string? RowLabel(long? rowId) => rowId?.ToString(CultureInfo.InvariantCulture);
}
