using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.World;

[Trait("Category", "Unit")]
public sealed class NhsNumberTests
{
    public static TheoryData<string?, bool> Validity => new()
    {
        { "9990000018", true },
        { "9990000026", true },
        { "4010232137", true },
        { "9990000017", false },
        { "9990000019", false },
        { "999000001", false },
        { "99900000181", false },
        { "99900A0018", false },
        { "", false },
        { null, false },
    };

    [Theory]
    [MemberData(nameof(Validity))]
    public void IsValid_Number_ChecksFormatAndModulus11(string? value, bool expected) =>
        NhsNumber.IsValid(value).Should().Be(expected);

    [Fact]
    public void ComputeCheckDigit_WhenRemainderGivesTen_ReturnsNull()
    {
        var nine = Enumerable.Range(0, 1000).Select(i => (999_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(n => NhsNumber.ComputeCheckDigit(n) is null);

        Enumerable.Range(0, 10).Should().OnlyContain(d => !NhsNumber.IsValid(nine + d));
    }

    [Theory]
    [InlineData("4010232137", false)]
    [InlineData("9990000018", true)]
    public void IsInWorld_ValidNumber_ChecksTheRange(string value, bool expected) =>
        NhsNumber.IsInWorld(value).Should().Be(expected);

    [Fact]
    public void NextInWorld_ReturnsTheNextValidNumber() =>
        NhsNumber.NextInWorld("9990000018").Should().Be("9990000026");
}
