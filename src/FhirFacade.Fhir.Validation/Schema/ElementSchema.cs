using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// The compiled form of one ElementDefinition (or of a whole StructureDefinition at its root): the
/// list of facet validators run, in order, against one element node. Immutable and shared.
/// </summary>
internal sealed class ElementSchema : IElementValidator
{
    private readonly IElementValidator[] _validators;

    public ElementSchema(string id, IReadOnlyList<IElementValidator> validators, string? type = null, string? canonical = null, bool isResourceType = false)
    {
        Id = id;
        Type = type;
        Canonical = canonical;
        IsResourceType = isResourceType;
        _validators = [.. validators];
    }

    /// <summary>For a StructureDefinition root: <see langword="true"/> when it defines or constrains a resource type.</summary>
    public bool IsResourceType { get; }

    /// <summary>The ElementDefinition id (<c>Patient.identifier:nhsNumber</c>) or, for a root, the type.</summary>
    public string Id { get; }

    /// <summary>For a StructureDefinition root: the type it constrains (<c>Patient</c>, <c>Extension</c>).</summary>
    public string? Type { get; }

    /// <summary>For a StructureDefinition root: its canonical URL.</summary>
    public string? Canonical { get; }

    public IReadOnlyList<IElementValidator> Validators => _validators;

    public void Validate(ElementNode node, ValidationContext context)
    {
        foreach (var validator in _validators)
        {
            validator.Validate(node, context);
        }
    }

    /// <summary>This schema without the invariants whose keys the caller already checks (an element's own copy of <c>ele-1</c>).</summary>
    public ElementSchema WithoutInvariants(IReadOnlySet<string> keys)
    {
        if (keys.Count == 0)
        {
            return this;
        }

        var kept = _validators.Where(v => v is not IInvariantValidator invariant || !keys.Contains(invariant.Key)).ToArray();
        return kept.Length == _validators.Length ? this : new ElementSchema(Id, kept, Type, Canonical, IsResourceType);
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
