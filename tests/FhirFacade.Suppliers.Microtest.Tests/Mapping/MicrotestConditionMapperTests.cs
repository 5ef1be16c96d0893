using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class MicrotestConditionMapperTests
{
    [Fact]
    public void Map_MappedReadCode_MatchesSnapshot()
    {
        var context = MapperSnapshot.Context();
        var problem = MapperSnapshot.Native<MicrotestProblem>("problem-diabetes");

        var condition = MicrotestConditionMapper.Map(problem, context);

        var (actual, expected) = MapperSnapshot.Compare(condition!, "problem-diabetes");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Map_UnmappedReadCode_KeepsOriginalCodingAndReportsInformation()
    {
        var context = MapperSnapshot.Context();
        var problem = MapperSnapshot.Native<MicrotestProblem>("problem-unmapped");

        var condition = MicrotestConditionMapper.Map(problem, context);

        var (actual, expected) = MapperSnapshot.Compare(condition!, "problem-unmapped");
        JsonNode.DeepEquals(actual, expected).Should().BeTrue(actual.ToJsonString());
        context.Issues.Should().ContainSingle().Which.Code.Should().Be("MICROTEST-UNMAPPED-CODE");
        context.Issues[0].Message.Should().Contain("P-47001").And.Contain("ZZZZ9");
    }

    [Fact]
    public void Map_UnknownStatus_ReturnsNullAndNamesTheItem()
    {
        var context = MapperSnapshot.Context();
        var problem = MapperSnapshot.Native<MicrotestProblem>("problem-diabetes") with { Status = "pending" };

        var condition = MicrotestConditionMapper.Map(problem, context);

        condition.Should().BeNull();
        context.Issues.Should().ContainSingle().Which.Message.Should().Contain("P-47000");
    }

    [Fact]
    public void Map_ImpossibleOnset_OmitsOnsetAndReportsIt()
    {
        var context = MapperSnapshot.Context();
        var problem = MapperSnapshot.Native<MicrotestProblem>("problem-diabetes") with { Onset = "30/02/2026" };

        var condition = MicrotestConditionMapper.Map(problem, context);

        condition!.Onset.Should().BeNull();
        context.Issues.Should().ContainSingle().Which.Code.Should().Be("MICROTEST-DEGRADED");
    }
}
