using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestMedicationStatementMapperTests
{
    [Fact]
    public void Map_RepeatWithIssues_MatchesSnapshot()
    {
        var context = MapperSnapshot.Context();
        var medication = MapperSnapshot.Native<MicrotestMedication>("medication-repeat");

        var statement = MicrotestMedicationStatementMapper.Map(medication, context);

        var (actual, expected) = MapperSnapshot.Compare(statement!, "medication-repeat");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Map_NoDrugCode_MapsAndReportsTheItem()
    {
        var context = MapperSnapshot.Context();
        var medication = MapperSnapshot.Native<MicrotestMedication>("medication-no-code");

        var statement = MicrotestMedicationStatementMapper.Map(medication, context);

        var (actual, expected) = MapperSnapshot.Compare(statement!, "medication-no-code");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
        context.Issues.Should().ContainSingle().Which.Message.Should().Contain("M-52001").And.Contain("no dm+d drug code");
    }

    [Fact]
    public void Map_ImpossibleStartDate_ReturnsNullAndNamesTheItem()
    {
        var context = MapperSnapshot.Context();
        var medication = MapperSnapshot.Native<MicrotestMedication>("medication-repeat") with { StartDate = "30/02/2026" };

        var statement = MicrotestMedicationStatementMapper.Map(medication, context);

        statement.Should().BeNull();
        context.Issues.Should().ContainSingle().Which.Message.Should().Contain("M-52000").And.Contain("start date");
    }
}
