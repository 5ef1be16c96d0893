using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;

namespace FhirFacade.TestKit.Server;

/// <summary>Small untyped resource trees for gateway tests.</summary>
public static class TestResources
{
    /// <summary>A resource with a facade id, optional status and date element.</summary>
    public static SupplierResource Make(
        string resourceType,
        string supplier,
        string odsCode,
        string nativeId,
        string? patientNhs,
        string? status = null,
        string? dateElement = null,
        string? date = null,
        string? patientNativeId = null)
    {
        var root = new ElementNode(resourceType, resourceType);
        root.AddChild(new ElementNode("id", "id", text: TestResourceIds.Encode(resourceType, supplier, odsCode, nativeId)));
        if (status is not null)
        {
            root.AddChild(new ElementNode("status", "code", text: status));
        }

        if (dateElement is not null)
        {
            root.AddChild(new ElementNode(dateElement, "dateTime", text: date));
        }

        return new SupplierResource(resourceType, nativeId, root, "1", patientNhs, patientNativeId ?? patientNhs);
    }
}
