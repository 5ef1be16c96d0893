using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>Checks a primitive's lexical form against its type (<c>date</c>, <c>id</c>, <c>code</c>…).</summary>
internal sealed class PrimitiveLexicalValidator : IElementValidator
{
    private readonly string _type;

    public PrimitiveLexicalValidator(string type) => _type = type;

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (node.Text is { } text && !PrimitiveForms.IsValid(_type, text))
        {
            context.Error(ValidationCodes.Primitive, IssueType.Value, $"value is not a valid {_type} (see https://hl7.org/fhir/R4/datatypes.html#{_type})", node);
        }
    }
}
