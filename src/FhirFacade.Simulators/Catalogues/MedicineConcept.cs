namespace FhirFacade.Simulators.Catalogues;

/// <summary>A dm+d product (VMP or AMP; its dm+d id is its SNOMED CT concept id) with a typical prescription.</summary>
internal sealed record MedicineConcept(
    string DmdId,
    string Name,
    DmdLevel Level,
    string DoseText,
    decimal Quantity,
    string QuantityUnit,
    bool UsuallyRepeat);
