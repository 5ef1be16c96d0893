using FhirFacade.Core.Search;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Server.Subsetting;

/// <summary>
/// Applies <c>_summary</c> and <c>_elements</c> to a resource tree in place
/// (<see href="https://hl7.org/fhir/R4/search.html#summary"/>, <see href="https://hl7.org/fhir/R4/search.html#elements"/>):
/// <c>true</c> keeps the top-level elements marked summary, <c>data</c> drops the narrative, <c>_elements</c>
/// keeps the named top-level elements plus mandatory ones. A subsetted resource is tagged <c>SUBSETTED</c>.
/// </summary>
public sealed class ElementSubsetter(IFhirModel model)
{
    private const string SubsettedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
    private const string SubsettedCode = "SUBSETTED";

    private static readonly HashSet<string> AlwaysKept = new(StringComparer.Ordinal) { "id", "meta" };

    /// <summary>Subsets <paramref name="resource"/>; <see langword="false"/> when nothing was asked for.</summary>
    public bool Apply(ElementNode resource, SummaryMode summary, IReadOnlyList<string> elements)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(elements);
        Func<ElementNode, bool>? keep = summary switch
        {
            SummaryMode.True => child => AlwaysKept.Contains(child.Name) || Definition(resource, child)?.InSummary == true,
            SummaryMode.Data => child => child.Name != "text",
            _ when elements.Count > 0 => child => AlwaysKept.Contains(child.Name) || elements.Contains(child.Name) || Definition(resource, child)?.Min > 0,
            _ => null,
        };
        if (keep is null)
        {
            return false;
        }

        foreach (var child in resource.Children.Where(c => !keep(c)).ToList())
        {
            resource.RemoveChild(child);
        }

        Tag(resource);
        return true;
    }

    private static ChildDefinition? Definition(ElementNode parent, ElementNode child) => child.Definition ?? parent.Type?.FindChild(child.Name);

    private void Tag(ElementNode resource)
    {
        var meta = resource.Child("meta");
        if (meta is null)
        {
            meta = new ElementNode("meta", "Meta", model.FindType("Meta"), resource.Type?.FindChild("meta"));
            resource.AddChild(meta);
        }

        var codingType = model.FindType("Coding");
        var tag = meta.AddChild(new ElementNode("tag", "Coding", codingType, meta.Type?.FindChild("tag")));
        tag.AddChild(new ElementNode("system", "uri", model.FindType("uri"), codingType?.FindChild("system"), SubsettedSystem));
        tag.AddChild(new ElementNode("code", "code", model.FindType("code"), codingType?.FindChild("code"), SubsettedCode));
        tag.AddChild(new ElementNode("display", "string", model.FindType("string"), codingType?.FindChild("display"), "Resource encoded in summary mode"));
    }
}
