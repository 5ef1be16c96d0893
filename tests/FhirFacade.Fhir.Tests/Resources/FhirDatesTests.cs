using FhirFacade.Fhir.Resources;

namespace FhirFacade.Fhir.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class FhirDatesTests
{
    public static TheoryData<DateTimeOffset, string> DateTimes => new()
    {
        { new DateTimeOffset(2019, 3, 4, 10, 15, 0, TimeSpan.Zero), "2019-03-04T10:15:00Z" },
        { new DateTimeOffset(2019, 7, 4, 10, 15, 30, TimeSpan.FromHours(1)), "2019-07-04T10:15:30+01:00" },
        { new DateTimeOffset(2019, 3, 4, 10, 15, 0, 123, TimeSpan.Zero), "2019-03-04T10:15:00.123Z" },
        { new DateTimeOffset(2019, 3, 4, 10, 15, 0, TimeSpan.FromHours(-5)), "2019-03-04T10:15:00-05:00" },
    };

    [Theory]
    [MemberData(nameof(DateTimes))]
    public void DateTime_Offsets_WritesFhirLexicalForm(DateTimeOffset value, string expected)
    {
        var text = FhirDates.DateTime(value);

        text.Should().Be(expected);
    }

    [Fact]
    public void Date_FullDate_WritesYearMonthDay()
    {
        var text = FhirDates.Date(new DateOnly(1980, 1, 2));

        text.Should().Be("1980-01-02");
    }

    [Fact]
    public void YearMonth_PartialDate_WritesYearAndMonth()
    {
        var text = FhirDates.YearMonth(2019, 3);

        text.Should().Be("2019-03");
    }

    [Fact]
    public void Year_EarlyYear_PadsToFourDigits()
    {
        var text = FhirDates.Year(800);

        text.Should().Be("0800");
    }

    [Fact]
    public void YearMonth_MonthOutOfRange_Throws()
    {
        var act = () => FhirDates.YearMonth(2019, 13);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Time_WholeSeconds_WritesHoursMinutesSeconds()
    {
        var text = FhirDates.Time(new TimeOnly(9, 5, 7));

        text.Should().Be("09:05:07");
    }

    [Fact]
    public void FhirDateTimeConstructor_DateOnly_WritesDateOnlyForm()
    {
        var value = new FhirDateTime(new DateOnly(2020, 2, 29));

        value.Value.Should().Be("2020-02-29");
    }
}
