using FhirFacade.Fhir.Conformance;
using FhirFacade.Suppliers.Emis.Mapping;
using FhirFacade.Suppliers.Emis.Native;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Emis.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class EmisMapperEdgeCaseTests
{
    private static readonly EmisMappingContext Context = new("A81001", "Riverside (A81001)", "9990000018", TestResourceIds.Codec);

    [Fact]
    public void Map_WhenDrugCodeMissing_KeepsTheTermAsText()
    {
        var medication = Medication(new EmisCodedValue("DMD", null, "Mystery tablets"));

        var mapped = EmisMedicationMapper.Map(medication, Context);

        mapped!.Code!.Coding.Should().BeEmpty();
        mapped.Code.Text.Should().Be("Mystery tablets");
    }

    [Fact]
    public void Map_WhenDrugCodeNotNumeric_DropsTheCodingAndKeepsText()
    {
        var medication = Medication(new EmisCodedValue("DMD", "ABC-123", "Odd tablets"));

        var mapped = EmisMedicationMapper.Map(medication, Context);

        mapped!.Code!.Coding.Should().BeEmpty();
        mapped.Code.Text.Should().Be("Odd tablets");
    }

    [Fact]
    public void Map_WhenDrugHasNeitherCodeNorTerm_ReportsAndLeavesItOut()
    {
        var context = new EmisMappingContext("A81001", "Riverside (A81001)", "9990000018", TestResourceIds.Codec);

        var mapped = EmisMedicationMapper.Map(Medication(null), context);

        mapped.Should().BeNull();
        context.Issues.Should().ContainSingle().Which.Code.Should().Be("EMIS-UNMAPPABLE");
    }

    [Theory]
    [InlineData("active", "active")]
    [InlineData("past", "inactive")]
    [InlineData("resolved", "resolved")]
    public void Map_ProblemStatus_MapsToClinicalStatus(string native, string expected)
    {
        var problem = new EmisProblem("2B1A6E8C-0000-0000-4550-4953534D2121", native, "major", false, new EmisCodedValue("SNOMED", "195967001", "Asthma"), new EmisPartialDate("year", "1990"), null, "1996-04-01", null, null);

        var mapped = EmisConditionMapper.Map(problem, Context);

        mapped!.ClinicalStatus!.HasCoding(FhirSystems.ConditionClinical, expected).Should().BeTrue();
        mapped.Onset.Should().BeOfType<FhirFacade.Fhir.Resources.FhirDateTime>().Which.Value.Should().Be("1990");
    }

    [Fact]
    public void Map_NoKnownAllergies_IsAnActiveStatementWithoutCategory()
    {
        var allergy = new EmisAllergy("2B1A6E8C-0000-0000-4550-4953534D2122", "active", false, null, new EmisCodedValue("SNOMED", "716186003", "No known allergy"), null, null, null, null, "2020-01-01", null, null, IsNoKnownAllergies: true);

        var mapped = EmisAllergyIntoleranceMapper.Map(allergy, Context);

        mapped!.Code!.HasCoding(FhirSystems.Snomed, "716186003").Should().BeTrue();
        mapped.Category.Should().BeEmpty();
        mapped.Type.Should().BeNull();
    }

    private static EmisMedication Medication(EmisCodedValue? drug) =>
        new("2B1A6E8C-0000-0000-4550-4953534D2123", "acute", "completed", false, drug, "One daily", "28", "tablet", "2024-01-01", "2024-01-28", null, null, null, null, []);
}
