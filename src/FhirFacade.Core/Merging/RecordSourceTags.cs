using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Merging;

/// <summary>
/// The <c>meta.tag</c> codings a merged resource carries, one per source that holds it
/// (ADR 0007): <c>{system}|{supplier}:{ods}</c> with a display naming the supplier and organisation.
/// </summary>
public static class RecordSourceTags
{
    /// <summary>The code system of the facade's record-source tags.</summary>
    public const string System = "https://fhirfacade.example.org/CodeSystem/record-source";

    /// <summary>The tag code for one source: <c>emis:A81002</c>.</summary>
    public static string Code(string supplier, string odsCode) => supplier + ":" + odsCode;

    /// <summary>
    /// Adds one record-source tag per source to <paramref name="resource"/>'s <c>meta</c>, on the tree itself (ADR 0022):
    /// no copy and no typed round trip. <c>tag</c> is the last element of <c>Meta</c>, so the tags are appended after
    /// whatever <c>meta</c> holds; a missing <c>meta</c> is created in its place in the definition order.
    /// </summary>
    /// <param name="resource">A resource root.</param>
    /// <param name="model">The model that types the new nodes.</param>
    /// <param name="sources">The code (<see cref="Code"/>) and display of each source, in order.</param>
    public static void AddTo(ElementNode resource, IFhirModel model, IEnumerable<(string Code, string Display)> sources)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sources);
        var meta = resource.Child("meta");
        if (meta is null)
        {
            meta = resource.AddChild(new ElementNode("meta", "Meta", model.FindType("Meta"), resource.Type?.FindChild("meta")));
            resource.SortChildren(ByDefinitionOrder);
        }

        var tagDefinition = meta.Type?.FindChild("tag");
        var codingType = model.FindType("Coding");
        foreach (var (code, display) in sources)
        {
            var tag = meta.AddChild(new ElementNode("tag", "Coding", codingType, tagDefinition));
            AddPrimitive(tag, model, "system", System);
            AddPrimitive(tag, model, "code", code);
            AddPrimitive(tag, model, "display", display);
        }
    }

    private static void AddPrimitive(ElementNode parent, IFhirModel model, string name, string text)
    {
        // As the typed model writes it: an empty string is no value, so no element.
        if (text.Length == 0)
        {
            return;
        }

        var definition = parent.Type?.FindChild(name);
        var typeCode = definition is { TypeCodes.Count: > 0 } ? definition.TypeCodes[0] : "string";
        parent.AddChild(new ElementNode(name, typeCode, model.FindType(typeCode), definition, text));
    }

    private static int ByDefinitionOrder(ElementNode left, ElementNode right) =>
        (left.Definition?.Order ?? int.MaxValue).CompareTo(right.Definition?.Order ?? int.MaxValue);
}
