using FhirFacade.Core.Search;

namespace FhirFacade.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class FhirDateParserTests
{
    public static TheoryData<string, string, string> Ranges => new()
    {
        { "2024", "2024-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00" },
        { "2024-02", "2024-02-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00" },
        { "2024-02-29", "2024-02-29T00:00:00+00:00", "2024-03-01T00:00:00+00:00" },
        { "2024-02-29T10:15", "2024-02-29T10:15:00+00:00", "2024-02-29T10:16:00+00:00" },
        { "2024-02-29T10:15:30Z", "2024-02-29T10:15:30+00:00", "2024-02-29T10:15:31+00:00" },
        { "2024-02-29T10:15:30+01:00", "2024-02-29T09:15:30+00:00", "2024-02-29T09:15:31+00:00" },
        { "2024-02-29T10:15:30.5Z", "2024-02-29T10:15:30.5+00:00", "2024-02-29T10:15:30.6+00:00" },
    };

    public static TheoryData<string> Invalid => new() { "24", "2024-13", "2024-02-30", "20240101", "2024-01-01T25:00", "yesterday" };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void TryParseRange_WhenPartialOrFull_ReturnsImplicitRange(string text, string start, string end)
    {
        var parsed = FhirDateParser.TryParseRange(text, out var range);

        parsed.Should().BeTrue();
        range.Start.Should().Be(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        range.End.Should().Be(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, string> LastRepresentable => new()
    {
        { "9999", "9999-01-01T00:00:00+00:00" },
        { "9999-12", "9999-12-01T00:00:00+00:00" },
        { "9999-12-31", "9999-12-31T00:00:00+00:00" },
        { "9999-12-31T23:59", "9999-12-31T23:59:00+00:00" },
        { "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+00:00" },
        { "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00" },
    };

    [Theory]
    [MemberData(nameof(LastRepresentable))]
    public void TryParseRange_WhenTheRangeEndsAfterTheLastInstant_EndsAtTheLastInstant(string text, string start)
    {
        var parsed = FhirDateParser.TryParseRange(text, out var range);

        parsed.Should().BeTrue();
        range.Start.Should().Be(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        range.End.Should().Be(DateTimeOffset.MaxValue);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParseRange_WhenNotADate_ReturnsFalse(string text)
    {
        var parsed = FhirDateParser.TryParseRange(text, out _);

        parsed.Should().BeFalse();
    }
}
