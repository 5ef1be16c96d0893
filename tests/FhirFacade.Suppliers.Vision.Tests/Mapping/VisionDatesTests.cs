using FhirFacade.Suppliers.Vision.Mapping;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class VisionDatesTests
{
    public static TheoryData<string?, string?> PartialDates => new()
    {
        { "19960401", "1996-04-01" },
        { "202411", "2024-11" },
        { "1990", "1990" },
        { "20260230", null },
        { "202613", null },
        { "19x0", null },
        { "1996040", null },
        { string.Empty, null },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(PartialDates))]
    public void Partial_Hl7Date_KeepsPrecisionOrIsNull(string? text, string? expected)
    {
        var result = VisionDates.Partial(text);

        result.Should().Be(expected);
    }

    [Fact]
    public void Full_PartialDate_IsNull()
    {
        var result = VisionDates.Full("202411");

        result.Should().BeNull();
    }
}
