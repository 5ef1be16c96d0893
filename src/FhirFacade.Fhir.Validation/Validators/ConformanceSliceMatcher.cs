using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A <c>profile</c> discriminator, and the fallback when a slice's discriminating value cannot be
/// known at compile time: the element (at the path) belongs to the slice when it validates against
/// the slice's schema without errors.
/// </summary>
internal sealed class ConformanceSliceMatcher : ISliceMatcher
{
    private readonly DiscriminatorPath? _path;
    private readonly Func<IElementValidator?> _schema;

    public ConformanceSliceMatcher(DiscriminatorPath? path, Func<IElementValidator?> schema)
    {
        _path = path;
        _schema = schema;
    }

    public bool Matches(ElementNode node, ValidationContext context)
    {
        var schema = _schema();
        if (schema is null)
        {
            return false;
        }

        return _path is null ? Conforms(node, schema, context) : _path.Any(node, new Leaf(schema, context));
    }

    private static bool Conforms(ElementNode node, IElementValidator schema, ValidationContext context)
    {
        var fork = context.Fork();
        schema.Validate(node, fork);
        return !fork.HasErrorsSince(0);
    }

    private sealed class Leaf(IElementValidator schema, ValidationContext context) : ILeafPredicate
    {
        public bool Test(ElementNode leaf) => Conforms(leaf, schema, context);
    }
}
