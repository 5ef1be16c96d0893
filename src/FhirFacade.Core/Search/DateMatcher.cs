namespace FhirFacade.Core.Search;

/// <summary>
/// Compares a target value's range with a search value's range under a prefix, as the FHIR search
/// page defines it (<see href="https://hl7.org/fhir/R4/search.html#prefix"/>): <c>eq</c> means the search
/// range fully contains the target range; <c>gt</c> means the range above the search value intersects
/// the target; <c>sa</c> means the target starts after the search range ends.
/// </summary>
public static class DateMatcher
{
    /// <summary>How far <c>ap</c> widens the search range, as a share of its distance from now (the spec suggests 10%).</summary>
    public const double ApproximateShare = 0.1;

    /// <summary><see langword="true"/> when <paramref name="target"/> satisfies <paramref name="prefix"/> <paramref name="search"/>.</summary>
    public static bool Matches(DatePrefix prefix, DateRange search, DateRange target, DateTimeOffset now) => prefix switch
    {
        DatePrefix.Eq => Contains(search, target),
        DatePrefix.Ne => !Contains(search, target),
        DatePrefix.Gt => target.End > search.End,
        DatePrefix.Lt => target.Start < search.Start,
        DatePrefix.Ge => target.End > search.End || Contains(search, target),
        DatePrefix.Le => target.Start < search.Start || Contains(search, target),
        DatePrefix.Sa => target.Start >= search.End,
        DatePrefix.Eb => target.End <= search.Start,
        DatePrefix.Ap => Overlaps(Widen(search, now), target),
        _ => false,
    };

    private static bool Contains(DateRange outer, DateRange inner) => outer.Start <= inner.Start && inner.End <= outer.End;

    private static bool Overlaps(DateRange a, DateRange b) => a.Start < b.End && b.Start < a.End;

    private static DateRange Widen(DateRange range, DateTimeOffset now)
    {
        var distance = (range.Start - now).Duration();
        var margin = TimeSpan.FromTicks(Math.Max((long)(distance.Ticks * ApproximateShare), TimeSpan.TicksPerDay));
        var start = range.Start - DateTimeOffset.MinValue < margin ? DateTimeOffset.MinValue : range.Start - margin;
        var end = DateTimeOffset.MaxValue - range.End < margin ? DateTimeOffset.MaxValue : range.End + margin;
        return new DateRange(start, end);
    }
}
