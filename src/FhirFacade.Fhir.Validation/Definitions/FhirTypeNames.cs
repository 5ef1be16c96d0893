using System.Collections.Frozen;

namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Converts between FHIR type codes and the suffixes of choice-element names (<c>value[x]</c> → <c>valueString</c>).</summary>
public static class FhirTypeNames
{
    private static readonly FrozenSet<string> PrimitiveTypes = new[]
    {
        "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant",
        "integer", "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid", "xhtml",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> BySuffix =
        PrimitiveTypes.ToFrozenDictionary(ToSuffix, t => t, StringComparer.Ordinal);

    /// <summary><see langword="true"/> for the R4 primitive type codes.</summary>
    public static bool IsPrimitive(string typeCode) => PrimitiveTypes.Contains(typeCode);

    /// <summary>The suffix for a type code: <c>string</c> → <c>String</c>, <c>CodeableConcept</c> → <c>CodeableConcept</c>.</summary>
    public static string ToSuffix(string typeCode) =>
        typeCode.Length == 0 ? typeCode : string.Concat(char.ToUpperInvariant(typeCode[0]).ToString(), typeCode.AsSpan(1));

    /// <summary>The type code for a suffix: <c>String</c> → <c>string</c>, <c>Quantity</c> → <c>Quantity</c>.</summary>
    public static string FromSuffix(string suffix) => BySuffix.TryGetValue(suffix, out var code) ? code : suffix;
}
