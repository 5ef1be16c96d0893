namespace FhirFacade.Fhir.Resources;

/// <summary>Constructors for the common case: <c>new Coding(FhirSystems.Snomed, "195967001", "Asthma")</c>.</summary>
public sealed partial class Coding
{
    /// <summary>Creates an empty coding, for object initialisers.</summary>
    public Coding()
    {
    }

    /// <summary>Creates a coding from a code system URL (a constant from <c>FhirSystems</c>/<c>UkCoreSystems</c>), a code and an optional display.</summary>
    public Coding(string? system, string? code, string? display = null)
    {
        System = system;
        Code = code;
        Display = display;
    }
}
