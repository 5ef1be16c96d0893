using FhirFacade.Suppliers.Vision.Mapping;

namespace FhirFacade.Suppliers.Vision.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class VisionReadV2MapTests
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
        var result = VisionReadV2Map.Translate(readCode);

        result!.Code.Should().Be(snomed);
    }

    [Fact]
    public void Translate_UnknownCode_ReturnsNull()
    {
        var result = VisionReadV2Map.Translate("ZZZZ9");

        result.Should().BeNull();
    }
}
