using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Tests.Identity;

[Trait("Category", "Unit")]
public sealed class NhsNumberTests
{
    public static TheoryData<string?, bool> Cases => new()
    {
        { "9000000009", true },
        { "9434765919", true },
        { "9990000018", true },
        { "9000000008", false },
        { "900000000", false },
        { "90000000091", false },
        { "90000000a9", false },
        { "", false },
        { null, false },
        { "9000000 09", false },
        { "1234567890", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsValid_ChecksModulus11_ReturnsExpected(string? text, bool expected)
    {
        var valid = NhsNumber.IsValid(text);

        valid.Should().Be(expected);
    }

    [Fact]
    public void TryParse_WhenValid_KeepsDigits()
    {
        var parsed = NhsNumber.TryParse("9000000009", out var nhsNumber);

        parsed.Should().BeTrue();
        nhsNumber.Value.Should().Be("9000000009");
    }
}
