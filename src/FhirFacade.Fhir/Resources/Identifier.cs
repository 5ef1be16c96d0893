namespace FhirFacade.Fhir.Resources;

/// <summary>Constructor for the common case: <c>new Identifier(UkCoreSystems.NhsNumber, "9000000009")</c>.</summary>
public sealed partial class Identifier
{
    /// <summary>Creates an empty identifier, for object initialisers.</summary>
    public Identifier()
    {
    }

    /// <summary>Creates an identifier from a system URL and a value.</summary>
    public Identifier(string? system, string? value)
    {
        System = system;
        Value = value;
    }
}
