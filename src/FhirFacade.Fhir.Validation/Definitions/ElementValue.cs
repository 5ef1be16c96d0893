using System.Text.Json;

namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// A typed choice value on an ElementDefinition (<c>fixed[x]</c>, <c>pattern[x]</c>, <c>defaultValue[x]</c>,
/// <c>minValue[x]</c>, <c>maxValue[x]</c>): the JSON as written, plus the type suffix of the property name.
/// </summary>
/// <param name="TypeSuffix">The type part of the property name, as written: <c>Uri</c>, <c>CodeableConcept</c>, <c>Code</c>.</param>
/// <param name="Value">The JSON value (a detached clone; safe to keep).</param>
public sealed record ElementValue(string TypeSuffix, JsonElement Value)
{
    /// <summary>The FHIR type code for the suffix: <c>uri</c>, <c>CodeableConcept</c> (primitive types start lower case).</summary>
    public string TypeCode => FhirTypeNames.FromSuffix(TypeSuffix);

    /// <summary>The value as a string when it is a JSON string, else <see langword="null"/>.</summary>
    public string? AsString => Value.ValueKind == JsonValueKind.String ? Value.GetString() : null;
}
