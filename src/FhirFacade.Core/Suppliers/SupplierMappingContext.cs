using System.Diagnostics.CodeAnalysis;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// What every mapper of every supplier needs: the organisation, the patient, the facade ids, when the record was
/// retrieved (every resource's <c>meta.lastUpdated</c>, docs/adr/0009-freshness-and-provenance.md), and where to report
/// issues. A supplier's context derives from it and adds only what is its own (its native id forms, its code maps).
/// </summary>
public abstract class SupplierMappingContext
{
    private readonly ResourceIdCodec _ids;

    /// <param name="declaration">The supplier.</param>
    /// <param name="odsCode">The organisation answered for.</param>
    /// <param name="organisationLabel">"Name (ODS)", for issue messages.</param>
    /// <param name="nhsNumber">The patient the record is about, as it says; empty for records of no patient.</param>
    /// <param name="ids">The facade id codec.</param>
    /// <param name="retrieved">When the supplier answered; <see langword="null"/> only in mapper tests that build a context by hand.</param>
    protected SupplierMappingContext(SupplierDeclaration declaration, string odsCode, string organisationLabel, string nhsNumber, ResourceIdCodec ids, DateTimeOffset? retrieved)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration = declaration;
        OdsCode = odsCode;
        SourceLabel = declaration.Label + " at " + organisationLabel;
        NhsNumber = nhsNumber;
        _ids = ids;
        Retrieved = retrieved;
    }

    /// <summary>The supplier.</summary>
    public SupplierDeclaration Declaration { get; }

    public string OdsCode { get; }

    /// <summary>"Supplier (id) at Name (ODS)", for issue messages.</summary>
    public string SourceLabel { get; }

    /// <summary>The patient the record is about; empty for records of no patient (an Organization).</summary>
    public string NhsNumber { get; }

    /// <summary>Where mappers report what they could not map faithfully.</summary>
    public List<Issue> Issues { get; } = [];

    /// <summary>When the supplier answered.</summary>
    public DateTimeOffset? Retrieved { get; }

    public string PatientId => Id(FhirResourceTypes.Patient, NhsNumber);

    public Reference PatientReference => Reference.To(FhirResourceTypes.Patient, PatientId);

    /// <summary>The native id of an item of the patient's record: the NHS number and the item's own id (reads need both).</summary>
    public string ItemNativeId(string itemId) => NhsNumber + "/" + itemId;

    /// <summary>The facade id of this organisation's <paramref name="resourceType"/> with the given native id (signed, so only the facade can make one).</summary>
    public string Id(string resourceType, string nativeId) => _ids.Encode(resourceType, new FacadeResourceId(Declaration.SupplierId, OdsCode, nativeId));

    public Meta Meta(string profile) => ResourceSource.Meta(profile, Declaration.SupplierId, OdsCode, Retrieved);

    /// <summary>Reports an item that could not be mapped (the item is left out); names the item by its native id, never patient data.</summary>
    protected void ReportUnmappable(string what, string? itemId, string reason) =>
        Issues.Add(MappingIssues.Unmappable(Declaration.IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports a part of an item that was dropped or kept only as text; the rest of the item is mapped.</summary>
    protected void ReportDegraded(string what, string? itemId, string reason) =>
        Issues.Add(MappingIssues.Degraded(Declaration.IssuePrefix, SourceLabel, what, itemId, reason));

    /// <summary>Reports a native code (of the code system <paramref name="system"/> names for people) with no SNOMED CT equivalent.</summary>
    protected void ReportUnmappedCode(string what, string? itemId, string system, string code) =>
        Issues.Add(MappingIssues.UnmappedCode(Declaration.IssuePrefix, SourceLabel, what, itemId, system, code));

    /// <summary>
    /// A native date in FHIR form through <paramref name="parse"/> (<see langword="null"/> when it is not a date):
    /// none without text; a text that is not a date is left out with a DEGRADED warning naming the
    /// <paramref name="field"/> ("its end date is not a valid date and was left out").
    /// </summary>
    public string? DateOrDegraded(string? text, Func<string, string?> parse, string what, string? itemId, string field)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var date = parse(text);
        if (date is null)
        {
            ReportDegraded(what, itemId, $"its {field} date is not a valid date and was left out");
        }

        return date;
    }

    /// <summary>
    /// Reports a drug that will be given by name only: it has no dm+d code, or <paramref name="isDmdId"/> says its code is
    /// not a valid dm+d id (the statement is still mapped).
    /// </summary>
    public void ReportDrugByNameOnly(string what, string? itemId, string? dmdCode, Func<string, bool> isDmdId)
    {
        ArgumentNullException.ThrowIfNull(isDmdId);
        if (string.IsNullOrEmpty(dmdCode))
        {
            ReportDegraded(what, itemId, "it has no dm+d drug code, so the drug is given by name only");
        }
        else if (!isDmdId(dmdCode))
        {
            ReportDegraded(what, itemId, "its drug code is not a valid dm+d id, so the drug is given by name only");
        }
    }

    /// <summary>
    /// Whether a native medication can be shown as a MedicationStatement: it has an id, a known status
    /// (<paramref name="status"/>, already in FHIR form) and a start date (<paramref name="start"/>, the FHIR form of
    /// <paramref name="startText"/>); when not, it is reported UNMAPPABLE with the reason and left out.
    /// </summary>
    public bool CanShowMedication([NotNullWhen(true)] string? itemId, [NotNullWhen(true)] string? status, string? startText, [NotNullWhen(true)] string? start, string what)
    {
        if (status is null || string.IsNullOrEmpty(itemId))
        {
            ReportUnmappable(what, itemId, "unknown status or no id");
            return false;
        }

        if (start is null)
        {
            ReportUnmappable(what, itemId, string.IsNullOrEmpty(startText) ? "no start date" : "the start date is not a valid date");
            return false;
        }

        return true;
    }
}
