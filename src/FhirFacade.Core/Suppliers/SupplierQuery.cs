using FhirFacade.Core.Search;

namespace FhirFacade.Core.Suppliers;

/// <summary>A search as sent to one supplier for one organisation.</summary>
/// <param name="Request">The whole parsed search; the adapter translates the criteria it declared native and may ignore the rest.</param>
/// <param name="Patient">Who the search is about, in that supplier's terms.</param>
public sealed record SupplierQuery(SearchRequest Request, PatientSelector Patient)
{
    /// <summary>The searched resource type.</summary>
    public string ResourceType => Request.ResourceType;
}
