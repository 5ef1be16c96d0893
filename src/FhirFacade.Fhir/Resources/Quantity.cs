using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Fhir.Resources;

/// <summary>Constructors for quantities, usually UCUM-coded.</summary>
public partial class Quantity
{
    /// <summary>Creates an empty quantity, for object initialisers.</summary>
    public Quantity()
    {
    }

    /// <summary>Creates a quantity with a value and a human-readable unit (<c>new Quantity(28, "tablet")</c>).</summary>
    public Quantity(decimal value, string? unit)
    {
        Value = value;
        Unit = unit;
    }

    /// <summary>A UCUM quantity: <c>Quantity.Ucum(500, "mg")</c> sets unit, system and code.</summary>
    public static Quantity Ucum(decimal value, string ucumCode, string? unit = null) =>
        new(value, unit ?? ucumCode) { System = FhirSystems.Ucum, Code = ucumCode };
}
