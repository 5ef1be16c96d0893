namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// The stable codes of the issues <see cref="FhirJsonParser"/> reports, one per rule of
/// <see href="https://hl7.org/fhir/R4/json.html">FHIR R4 JSON</see>. Catalogued, with severity and
/// lenient behaviour, in <c>docs/issue-codes.md</c>.
/// </summary>
public static class JsonIssueCodes
{
    /// <summary>The input is not well-formed JSON (or not UTF-8); nothing is read.</summary>
    public const string InvalidJson = "JSON100";

    /// <summary>A property that the element's type does not define.</summary>
    public const string UnknownProperty = "JSON101";

    /// <summary>A primitive value of the wrong JSON kind (a number where a string is expected…).</summary>
    public const string WrongPrimitiveKind = "JSON102";

    /// <summary>A primitive or array where an object (complex value, resource, or <c>_name</c> part) is expected.</summary>
    public const string ObjectExpected = "JSON103";

    /// <summary>An empty string value.</summary>
    public const string EmptyString = "JSON104";

    /// <summary>An empty array.</summary>
    public const string EmptyArray = "JSON105";

    /// <summary>An empty object (an element with neither value nor children).</summary>
    public const string EmptyObject = "JSON106";

    /// <summary>A <c>null</c> other than one aligning a primitive array with its <c>_name</c> array.</summary>
    public const string UnexpectedNull = "JSON107";

    /// <summary>The same property twice in one object.</summary>
    public const string DuplicateProperty = "JSON108";

    /// <summary>A resource without <c>resourceType</c> (or whose <c>resourceType</c> is not a string).</summary>
    public const string MissingResourceType = "JSON109";

    /// <summary>A <c>resourceType</c> that is not a known, concrete R4 resource type.</summary>
    public const string UnknownResourceType = "JSON110";

    /// <summary>A <c>resourceType</c> property on an object that is not a resource.</summary>
    public const string ResourceTypeNotAllowed = "JSON111";

    /// <summary>An array for an element that does not repeat (max 1).</summary>
    public const string ArrayNotExpected = "JSON112";

    /// <summary>A single value for an element that repeats (it must be an array).</summary>
    public const string ArrayExpected = "JSON113";

    /// <summary>A <c>_name</c> property with no primitive element <c>name</c> to go with.</summary>
    public const string OrphanExtensionPart = "JSON114";

    /// <summary>A primitive array and its <c>_name</c> array of different lengths.</summary>
    public const string ArrayLengthMismatch = "JSON115";

    /// <summary>A primitive whose text is not a valid lexical form of its type (date, id, code, integer range…).</summary>
    public const string InvalidPrimitiveValue = "JSON116";

    /// <summary>A string longer than 1 MB.</summary>
    public const string StringTooLong = "JSON118";

    /// <summary>Objects nested deeper than <see cref="FhirJsonParserOptions.MaxDepth"/>.</summary>
    public const string TooDeep = "JSON119";

    /// <summary>More than one type given for a choice element (<c>valueString</c> and <c>valueBoolean</c>).</summary>
    public const string MultipleChoiceTypes = "JSON121";
}
