using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// The mutable state of one evaluation: <c>$this</c>, <c>$index</c>, <c>$total</c> and the environment.
/// Created per call and never shared between threads; iterating functions save and restore <c>$this</c>.
/// </summary>
internal sealed class EvaluationScope
{
    public EvaluationScope(FhirPathContext context, IReadOnlyList<FhirPathItem> input, ElementNode? focus)
    {
        Context = context;
        This = input;
        Input = input;
        var resource = context.Resource ?? focus?.Resource;
        Resource = resource;
        RootResource = context.RootResource ?? ContainerOf(resource);
        ContextNode = context.Context ?? focus;
    }

    public FhirPathContext Context { get; }

    public IReadOnlyList<FhirPathItem> Input { get; }

    public IReadOnlyList<FhirPathItem> This { get; set; }

    public int Index { get; set; }

    public IReadOnlyList<FhirPathItem>? Total { get; set; }

    public ElementNode? Resource { get; }

    public ElementNode? RootResource { get; }

    public ElementNode? ContextNode { get; }

    private static ElementNode? ContainerOf(ElementNode? resource)
    {
        if (resource is null)
        {
            return null;
        }

        if (resource.Name == "contained" && resource.Parent?.Resource is { } container)
        {
            return container;
        }

        return resource;
    }
}
