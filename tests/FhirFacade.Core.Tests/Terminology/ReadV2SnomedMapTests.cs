using FhirFacade.Core.Terminology;

namespace FhirFacade.Core.Tests.Terminology;

[Trait("Category", "Unit")]
public sealed class ReadV2SnomedMapTests
{
    public static TheoryData<string, string> Mapped => new()
    {
        { "H33..", "195967001" },
        { "C10F.", "44054006" },
        { "C04..", "40930008" },
    };

    /// <summary>Read v2 codes whose only SNOMED CT target is narrower (it would claim more than was recorded).</summary>
    public static TheoryData<string> NarrowerOnly => new() { "G573.", "N05..", "D00..", "M16.." };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Translate_MappedCode_ReturnsSnomedConcept(string readCode, string snomed)
    {
        var result = ReadV2SnomedMap.Translate(readCode);

        result!.Code.Should().Be(snomed);
    }

    [Theory]
    [MemberData(nameof(NarrowerOnly))]
    public void Translate_CodeWhoseOnlyTargetIsNarrower_ReturnsNull(string readCode)
    {
        var result = ReadV2SnomedMap.Translate(readCode);

        result.Should().BeNull();
    }

    [Fact]
    public void Translate_UnknownCode_ReturnsNull()
    {
        var result = ReadV2SnomedMap.Translate("ZZZZ9");

        result.Should().BeNull();
    }
}
