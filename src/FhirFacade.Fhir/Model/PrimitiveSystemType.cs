namespace FhirFacade.Fhir.Model;

/// <summary>
/// The FHIRPath system type a FHIR primitive maps to
/// (<see href="https://hl7.org/fhir/R4/fhirpath.html#types"/>). It decides the JSON kind
/// (<c>boolean</c>, number or string) and how FHIRPath compares the value.
/// </summary>
public enum PrimitiveSystemType
{
    /// <summary>Not a primitive (complex types and resources).</summary>
    None,

    /// <summary><c>boolean</c>; JSON <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary><c>integer</c>, <c>positiveInt</c>, <c>unsignedInt</c>; JSON number without fraction.</summary>
    Integer,

    /// <summary><c>decimal</c>; JSON number, written precision kept.</summary>
    Decimal,

    /// <summary>Every string-like primitive: <c>string</c>, <c>code</c>, <c>uri</c>, <c>id</c>, <c>markdown</c>, <c>base64Binary</c>, <c>xhtml</c>…</summary>
    String,

    /// <summary><c>date</c>: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary><c>dateTime</c> and <c>instant</c>.</summary>
    DateTime,

    /// <summary><c>time</c>: <c>hh:mm:ss(.sss)</c>.</summary>
    Time,
}
