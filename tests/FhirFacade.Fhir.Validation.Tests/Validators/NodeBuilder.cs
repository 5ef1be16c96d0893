using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Tests.Validators;

/// <summary>Builds small element trees by hand for validator unit tests (no parser involved).</summary>
internal static class NodeBuilder
{
    public static ElementNode N(string name, string type, params ElementNode[] children) => With(new ElementNode(name, type), children);

    public static ElementNode P(string name, string type, string text, params ElementNode[] children) => With(new ElementNode(name, type, text: text), children);

    private static ElementNode With(ElementNode node, ElementNode[] children)
    {
        foreach (var child in children)
        {
            node.AddChild(child);
        }

        return node;
    }
}
