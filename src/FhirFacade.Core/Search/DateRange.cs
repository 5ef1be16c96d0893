namespace FhirFacade.Core.Search;

/// <summary>
/// The implicit range of a FHIR date, dateTime or Period: <c>2024</c> is the whole year. Start is
/// inclusive, end exclusive; <see cref="DateTimeOffset.MinValue"/>/<see cref="DateTimeOffset.MaxValue"/>
/// stand for an open end (a Period without start or end).
/// </summary>
public readonly record struct DateRange(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>A range open at both ends.</summary>
    public static DateRange Unbounded => new(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
}
