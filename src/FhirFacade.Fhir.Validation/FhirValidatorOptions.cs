namespace FhirFacade.Fhir.Validation;

/// <summary>Options of the <see cref="FhirValidator"/>.</summary>
public sealed class FhirValidatorOptions
{
    /// <summary>
    /// Report an information issue (<c>VAL-BIND-UNCHECKED</c>) for every bound code that cannot be
    /// checked locally (SNOMED CT, dm+d). Default <see langword="false"/>: on the hot path these are
    /// noise, and they are never errors either way.
    /// </summary>
    public bool ReportUncheckedCodes { get; init; }
}
