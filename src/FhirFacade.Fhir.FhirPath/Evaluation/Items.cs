namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Shared collections and small constructors, so that common results allocate nothing.</summary>
internal static class Items
{
    public static readonly FhirPathItem[] Empty = [];

    public static readonly FhirPathItem[] True = [FhirPathItem.True];

    public static readonly FhirPathItem[] False = [FhirPathItem.False];

    private static readonly FhirPathItem[][] SmallIntegers = CreateSmallIntegers();

    public static IReadOnlyList<FhirPathItem> Of(bool value) => value ? True : False;

    public static IReadOnlyList<FhirPathItem> Of(bool? value) => value is null ? Empty : value.Value ? True : False;

    public static IReadOnlyList<FhirPathItem> Of(FhirPathItem item) => [item];

    public static IReadOnlyList<FhirPathItem> OfValue(object? value) => value is null ? Empty : [FhirPathItem.Raw(value)];

    /// <summary>An integer result; counts and small values come from a shared table.</summary>
    public static IReadOnlyList<FhirPathItem> OfInteger(long value) =>
        value is >= 0 and < 64 ? SmallIntegers[value] : [FhirPathItem.Raw(value)];

    private static FhirPathItem[][] CreateSmallIntegers()
    {
        var table = new FhirPathItem[64][];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = [FhirPathItem.Raw((long)i)];
        }

        return table;
    }
}
