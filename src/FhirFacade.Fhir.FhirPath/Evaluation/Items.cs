namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Shared collections and small constructors, so that common results allocate nothing.</summary>
internal static class Items
{
    public static readonly FhirPathItem[] Empty = [];

    public static readonly FhirPathItem[] True = [FhirPathItem.True];

    public static readonly FhirPathItem[] False = [FhirPathItem.False];

    public static IReadOnlyList<FhirPathItem> Of(bool value) => value ? True : False;

    public static IReadOnlyList<FhirPathItem> Of(bool? value) => value is null ? Empty : value.Value ? True : False;

    public static IReadOnlyList<FhirPathItem> Of(FhirPathItem item) => [item];

    public static IReadOnlyList<FhirPathItem> OfValue(object? value) => value is null ? Empty : [FhirPathItem.Raw(value)];
}
