namespace FhirFacade.Core.Merging;

/// <summary>
/// The <c>meta.tag</c> codings a merged resource carries, one per source that holds it
/// (ADR 0007): <c>{system}|{supplier}:{ods}</c> with a display naming the supplier and organisation.
/// </summary>
public static class RecordSourceTags
{
    /// <summary>The code system of the facade's record-source tags.</summary>
    public const string System = "https://fhirfacade.example.org/CodeSystem/record-source";

    /// <summary>The tag code for one source: <c>emis:A81002</c>.</summary>
    public static string Code(string supplier, string odsCode) => supplier + ":" + odsCode;
}
