namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// Answers <c>memberOf(valueset)</c> (<see href="https://hl7.org/fhir/R4/fhirpath.html#functions"/>) for
/// the FHIRPath engine; the validator supplies the implementation. Without one, <c>memberOf</c> returns empty.
/// </summary>
public interface IFhirPathTerminology
{
    /// <summary>
    /// Whether a coded item (a <c>code</c>, <c>Coding</c> or <c>CodeableConcept</c> node, or a string) is in the value set.
    /// </summary>
    /// <returns><see langword="true"/>/<see langword="false"/>, or <see langword="null"/> when the value set is unknown or the answer cannot be given.</returns>
    bool? MemberOf(FhirPathItem item, string valueSetUrl);
}
