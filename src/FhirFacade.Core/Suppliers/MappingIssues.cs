using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// The three ways an adapter reports a native item it could not map faithfully, the same at every supplier so that
/// one native situation gets one answer (docs/safety/hazard-log.md): codes are the supplier's prefix plus a fixed
/// suffix (<c>EMIS-DEGRADED</c>, <c>VISION-UNMAPPED-CODE</c>), always warnings, naming the supplier, the organisation
/// (ODS code) and the item's native id, never patient data.
/// </summary>
public static class MappingIssues
{
    /// <summary>The item was left out: nothing that identifies it could be mapped (no id, unknown status, no code and no text).</summary>
    public const string UnmappableSuffix = "-UNMAPPABLE";

    /// <summary>The item is returned, but a value was left out or a code kept only as the supplier's text.</summary>
    public const string DegradedSuffix = "-DEGRADED";

    /// <summary>The item is returned with the supplier's own coding and text, but that code has no SNOMED CT equivalent.</summary>
    public const string UnmappedCodeSuffix = "-UNMAPPED-CODE";

    /// <summary>An item left out, and why (<c>{prefix}-UNMAPPABLE</c>).</summary>
    /// <param name="prefix">The supplier's issue prefix (<c>EMIS</c>).</param>
    /// <param name="sourceLabel">"Supplier (id) at Name (ODS)".</param>
    /// <param name="what">What the item is (<c>medication</c>).</param>
    /// <param name="itemId">The item's native id, when it has one.</param>
    /// <param name="reason">Why it could not be mapped; never a native value.</param>
    public static Issue Unmappable(string prefix, string sourceLabel, string what, string? itemId, string reason) =>
        new(prefix + UnmappableSuffix, IssueSeverity.Warning, IssueType.Processing, $"The {what}{ItemLabel(itemId)} from {sourceLabel} could not be mapped ({reason}) and was left out.");

    /// <summary>An item returned with something missing or reduced to text (<c>{prefix}-DEGRADED</c>); <paramref name="reason"/> says what.</summary>
    public static Issue Degraded(string prefix, string sourceLabel, string what, string? itemId, string reason) =>
        new(prefix + DegradedSuffix, IssueSeverity.Warning, IssueType.Processing, $"The {what}{ItemLabel(itemId)} from {sourceLabel}: {reason}.");

    /// <summary>
    /// An item whose native code (<paramref name="system"/> names the code system for people, <c>Read v2</c>) has no SNOMED
    /// CT equivalent (<c>{prefix}-UNMAPPED-CODE</c>): it is returned with the original coding and text, and a clinician
    /// relying on SNOMED CT (or on the gateway's merge) must know that this entry is not coded in it.
    /// </summary>
    public static Issue UnmappedCode(string prefix, string sourceLabel, string what, string? itemId, string system, string code) =>
        new(prefix + UnmappedCodeSuffix, IssueSeverity.Warning, IssueType.CodeInvalid, $"The {what}{ItemLabel(itemId)} from {sourceLabel} has {system} code '{code}', which has no SNOMED CT equivalent; the original coding and text are kept.");

    private static string ItemLabel(string? itemId) => string.IsNullOrEmpty(itemId) ? string.Empty : " '" + itemId + "'";
}
