using FhirFacade.Fhir.Conformance;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestMedicationMapperTests
{
    public static TheoryData<string?> InvalidCodes => new() { null, "SENNA-7.5", "12" };

    [Fact]
    public void Map_DmdCode_CodesTheDrug()
    {
        var medication = MapperSnapshot.Native<MicrotestMedication>("medication-repeat");

        var result = MicrotestMedicationMapper.Map(medication, MapperSnapshot.Context());

        result!.Code!.GetCoding(FhirSystems.Dmd)!.Code.Should().Be("42206511000001102");
        result.Meta!.Profile.Should().Equal(UkCoreProfiles.Medication);
    }

    [Theory]
    [MemberData(nameof(InvalidCodes))]
    public void Map_MissingOrInvalidCode_KeepsDrugNameAsText(string? code)
    {
        var medication = MapperSnapshot.Native<MicrotestMedication>("medication-repeat") with { DmdCode = code };

        var result = MicrotestMedicationMapper.Map(medication, MapperSnapshot.Context());

        result!.Code!.Coding.Should().BeEmpty();
        result.Code.Text.Should().Be("Metformin 500mg tablets");
    }
}
