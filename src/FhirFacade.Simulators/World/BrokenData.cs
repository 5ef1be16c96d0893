namespace FhirFacade.Simulators.World;

/// <summary>Deliberate defects a supplier's native data can carry (for the "broken data" demo patient).</summary>
internal enum BrokenData
{
    None,

    /// <summary>The drug code is missing from the native entry (name only).</summary>
    MissingDrugCode,

    /// <summary>The drug code is not a valid dm+d id (not numeric).</summary>
    InvalidDrugCode,

    /// <summary>The start date is impossible (the 30th of February), written as text by the supplier.</summary>
    ImpossibleDate,
}
