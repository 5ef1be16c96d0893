using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// A FHIR primitive as an object (<c>FhirString</c>, <c>FhirDateTime</c>, <c>FhirBoolean</c>…): used
/// for choice values (<c>Value = new FhirString("x")</c>) and, through the <c>…Element</c>
/// properties, to put an <c>id</c> or extensions on a primitive value (JSON's <c>_birthDate</c>).
/// </summary>
public abstract class PrimitiveType : DataType
{
    private protected PrimitiveType()
    {
    }

    /// <summary>The value in its FHIR lexical form (<c>true</c>, <c>1.50</c>, <c>2019-03</c>), or <see langword="null"/> when there is none.</summary>
    public abstract string? LexicalValue { get; }

    /// <inheritdoc />
    public override string ToString() => LexicalValue ?? string.Empty;

    internal override void WriteChildren(NodeWriter writer, ElementNode node)
    {
        base.WriteChildren(writer, node);

        // FHIR strings are never empty (https://hl7.org/fhir/R4/datatypes.html#string); a blank supplier field means "absent".
        var text = LexicalValue;
        node.Text = string.IsNullOrEmpty(text) ? null : text;
    }
}
