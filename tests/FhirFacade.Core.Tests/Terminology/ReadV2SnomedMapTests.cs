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
        { "G573.", "49436004" },
    };

    [Theory]
    [MemberData(nameof(Mapped))]
    public void Translate_MappedCode_ReturnsSnomedConcept(string readCode, string snomed)
    {
        var result = ReadV2SnomedMap.Translate(readCode);

        result!.Code.Should().Be(snomed);
    }

    [Fact]
    public void Translate_UnknownCode_ReturnsNull()
    {
        var result = ReadV2SnomedMap.Translate("ZZZZ9");

        result.Should().BeNull();
    }
}
