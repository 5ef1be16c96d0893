namespace FhirFacade.Fhir.Model;

/// <summary>Canonical URLs and names the model loader relies on (R4 StructureDefinition conventions).</summary>
internal static class FhirModelConstants
{
    /// <summary>Base of the core StructureDefinition canonicals: <c>http://hl7.org/fhir/StructureDefinition/{type}</c>.</summary>
    public const string CoreStructureDefinitionBase = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>The extension giving the FHIR type of a system-typed element (<c>Resource.id</c>, <c>Extension.url</c>).</summary>
    public const string FhirTypeExtensionUrl = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";

    /// <summary>Prefix of FHIRPath system type codes in R4 snapshots.</summary>
    public const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";

    public const string ChoiceSuffix = "[x]";
    public const string PrimitiveValueElement = "value";
    public const string XmlAttributeRepresentation = "xmlAttr";
    public const string BackboneElement = "BackboneElement";

    /// <summary>The FHIRPath system type of a FHIR primitive type (R4 datatypes page).</summary>
    public static PrimitiveSystemType SystemTypeOf(string primitiveTypeName) => primitiveTypeName switch
    {
        "boolean" => PrimitiveSystemType.Boolean,
        "integer" or "positiveInt" or "unsignedInt" => PrimitiveSystemType.Integer,
        "decimal" => PrimitiveSystemType.Decimal,
        "date" => PrimitiveSystemType.Date,
        "dateTime" or "instant" => PrimitiveSystemType.DateTime,
        "time" => PrimitiveSystemType.Time,
        _ => PrimitiveSystemType.String,
    };

    /// <summary>A FHIR type for a bare system type code without the fhir-type extension.</summary>
    public static string FhirTypeOfSystemType(string systemCode) => systemCode[SystemTypePrefix.Length..] switch
    {
        "Boolean" => "boolean",
        "Integer" => "integer",
        "Decimal" => "decimal",
        "Date" => "date",
        "DateTime" => "dateTime",
        "Time" => "time",
        _ => "string",
    };
}
