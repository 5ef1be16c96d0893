using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Elements typed with a FHIRPath system type (<c>Element.id</c>, <c>Extension.url</c>,
/// <c>Resource.id</c>): any primitive value is accepted, checked against the lexical form of the
/// FHIR type the reader gave it (<c>id</c> for <c>Resource.id</c>, <c>uri</c> for <c>Extension.url</c>).
/// </summary>
internal sealed class SystemPrimitiveValidator : IElementValidator
{
    public static readonly SystemPrimitiveValidator Instance = new();

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (node.Text is { } text && !PrimitiveForms.IsValid(node.InstanceType, text))
        {
            context.Error(ValidationCodes.Primitive, Issues.IssueType.Value, $"value is not a valid {node.InstanceType} (see https://hl7.org/fhir/R4/datatypes.html#{node.InstanceType})", node);
        }
    }
}
