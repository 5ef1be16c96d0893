using FhirFacade.Suppliers.Microtest.Mapping;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestDatesTests
{
    public static TheoryData<string?, string?> PartialDates => new()
    {
        { "06/03/2019", "2019-03-06" },
        { "29/02/2024", "2024-02-29" },
        { "03/2019", "2019-03" },
        { "2019", "2019" },
        { "30/02/2026", null },
        { "13/2019", null },
        { "2019-03-06", null },
        { "", null },
        { null, null },
        { "abcd", null },
    };

    [Theory]
    [MemberData(nameof(PartialDates))]
    public void Partial_UkDate_KeepsPrecision(string? text, string? expected)
    {
        var result = MicrotestDates.Partial(text);

        result.Should().Be(expected);
    }

    [Fact]
    public void Full_PartialDate_IsNotAFullDate()
    {
        var result = MicrotestDates.Full("03/2019");

        result.Should().BeNull();
    }
}
