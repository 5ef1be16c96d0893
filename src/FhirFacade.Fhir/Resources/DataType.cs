namespace FhirFacade.Fhir.Resources;

/// <summary>
/// A FHIR data type, primitive or complex (<see href="https://hl7.org/fhir/R4/datatypes.html"/>):
/// the type of choice elements such as <c>value[x]</c>, <c>onset[x]</c> or <c>medication[x]</c>.
/// Assign the concrete type: <c>Onset = new FhirDateTime("2019-03")</c>,
/// <c>Medication = new CodeableConcept { ... }</c>.
/// </summary>
public abstract class DataType : Element
{
    private protected DataType()
    {
    }
}
