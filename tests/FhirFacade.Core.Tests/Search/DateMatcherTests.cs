using FhirFacade.Core.Search;

namespace FhirFacade.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class DateMatcherTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Search value 2024-03 (the whole month) against targets.
    public static TheoryData<DatePrefix, string, bool> Cases => new()
    {
        { DatePrefix.Eq, "2024-03-15", true },
        { DatePrefix.Eq, "2024-03", true },
        { DatePrefix.Eq, "2024", false },
        { DatePrefix.Eq, "2024-04-01", false },
        { DatePrefix.Ne, "2024-04-01", true },
        { DatePrefix.Ne, "2024-03-31", false },
        { DatePrefix.Gt, "2024-04-01", true },
        { DatePrefix.Gt, "2024-03-31", false },
        { DatePrefix.Lt, "2024-02-29", true },
        { DatePrefix.Lt, "2024-03-01", false },
        { DatePrefix.Ge, "2024-03-01", true },
        { DatePrefix.Ge, "2024-02-29", false },
        { DatePrefix.Le, "2024-03-31", true },
        { DatePrefix.Le, "2024-04-01", false },
        { DatePrefix.Sa, "2024-04-01", true },
        { DatePrefix.Sa, "2024-03-31", false },
        { DatePrefix.Eb, "2024-02-29", true },
        { DatePrefix.Eb, "2024-03-01", false },
        { DatePrefix.Ap, "2024-03-20", true },
        { DatePrefix.Ap, "2024-04-10", true },
        { DatePrefix.Ap, "2023-01-01", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_WithPrefix_FollowsFhirRangeSemantics(DatePrefix prefix, string target, bool expected)
    {
        var search = Range("2024-03");
        var targetRange = Range(target);

        var matches = DateMatcher.Matches(prefix, search, targetRange, _now);

        matches.Should().Be(expected);
    }

    [Fact]
    public void Matches_WhenTargetPeriodIsOpenEnded_GtMatches()
    {
        var search = Range("2024-03");
        var target = new DateRange(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue);

        var matches = DateMatcher.Matches(DatePrefix.Gt, search, target, _now);

        matches.Should().BeTrue();
    }

    private static DateRange Range(string text) =>
        FhirDateParser.TryParseRange(text, out var range) ? range : throw new ArgumentException(text, nameof(text));
}
