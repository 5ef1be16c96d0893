using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// Items a practice marked confidential (or private) are left out of every answer, and the answer says so with one
/// Spine <c>confidential-items</c> warning, as GP Connect does: the caller learns that something was withheld, never what.
/// Every adapter filters its record's lists through <see cref="Shareable{TItem}"/> and adds <see cref="Warning"/> when
/// anything was left out.
/// </summary>
public static class ConfidentialItems
{
    /// <summary>
    /// The warning that items held in <paramref name="adapter"/>'s system at <paramref name="organisation"/> were excluded
    /// (<c>suppressed</c>, <c>confidential-items</c>), naming the supplier and the organisation as every gap is named.
    /// </summary>
    public static Issue Warning(ISupplierAdapter adapter, OrganisationEndpoint organisation)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(organisation);
        return FacadeException.SpineIssue(
            SpineErrorCodes.ConfidentialItems,
            IssueType.Suppressed,
            $"Items held in {SupplierCallRunner.SupplierLabel(adapter, organisation)} were excluded due to confidentiality and/or patient preferences.",
            IssueSeverity.Warning);
    }

    /// <summary>
    /// The items that are not confidential, in their order, adding how many were left out to <paramref name="confidential"/>.
    /// A list the supplier did not send (<see langword="null"/>) has nothing to share.
    /// </summary>
    public static List<TItem> Shareable<TItem>(IReadOnlyList<TItem>? items, Func<TItem, bool> isConfidential, ref int confidential)
    {
        ArgumentNullException.ThrowIfNull(isConfidential);
        if (items is null)
        {
            return [];
        }

        var shareable = items.Where(i => !isConfidential(i)).ToList();
        confidential += items.Count - shareable.Count;
        return shareable;
    }
}
