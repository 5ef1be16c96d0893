namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>Stable issue codes of the XML reader; the catalogue with meanings is docs/issue-codes.md.</summary>
public static class XmlIssueCodes
{
    /// <summary>Not well-formed XML.</summary>
    public const string NotWellFormed = "XML001";

    /// <summary>A DTD / DOCTYPE was present (XXE, entity expansion): rejected, nothing resolved.</summary>
    public const string DtdProhibited = "XML002";

    /// <summary>The document exceeds the size limit.</summary>
    public const string TooLarge = "XML003";

    /// <summary>Elements nested deeper than the limit.</summary>
    public const string TooDeep = "XML004";

    /// <summary>An element is not in the FHIR namespace (or the root is not).</summary>
    public const string WrongNamespace = "XML005";

    /// <summary>The root (or a contained) element is not a known resource type.</summary>
    public const string UnknownResourceType = "XML006";

    /// <summary>An element is not defined for its parent's type.</summary>
    public const string UnknownElement = "XML007";

    /// <summary>An attribute is not allowed here.</summary>
    public const string UnknownAttribute = "XML008";

    /// <summary>An element with maximum cardinality 1 appears more than once.</summary>
    public const string RepeatedSingle = "XML009";

    /// <summary>Elements are not in definition order.</summary>
    public const string OutOfOrder = "XML010";

    /// <summary>A primitive value does not match its type's lexical rules.</summary>
    public const string InvalidPrimitive = "XML011";

    /// <summary>An element has no value, id, extension or children.</summary>
    public const string EmptyElement = "XML012";

    /// <summary>Text content where FHIR XML allows only elements.</summary>
    public const string TextContent = "XML013";

    /// <summary>A resource container (contained, entry.resource) does not hold exactly one resource.</summary>
    public const string ContainerShape = "XML014";

    /// <summary>An empty <c>value</c> attribute.</summary>
    public const string EmptyValue = "XML015";

    /// <summary>The narrative is not an XHTML div.</summary>
    public const string Narrative = "XML016";
}
