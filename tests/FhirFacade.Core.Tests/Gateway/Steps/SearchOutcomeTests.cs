using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>After the screen: no answer at all (502, 503, 504), a refusal that is an answer, or nobody holding a record.</summary>
[Trait("Category", "Unit")]
public sealed class SearchOutcomeTests
{
    private const string ByNhs = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009";
    private static readonly Issue Said = new("SUPPLIER-X", IssueSeverity.Warning, IssueType.Transient, "Something was said.");

    [Theory]
    [InlineData(SupplierFailureKind.Unavailable, 502)]
    [InlineData(SupplierFailureKind.Timeout, 504)]
    [InlineData(SupplierFailureKind.FacadeOverloaded, 503)]
    public void Check_WhenNoHolderAnsweredAndOneFailed_ThrowsWithEveryIssueAsAnError(SupplierFailureKind kind, int status)
    {
        var act = () => SearchOutcome.Check(TestGateway.Search("Condition", ByNhs), asked: 1, refused: 0, answered: 0, [Failure(kind)], [Said]);

        var thrown = act.Should().Throw<FacadeException>().Which;
        thrown.StatusCode.Should().Be(status);
        thrown.Issues.Should().ContainSingle().Which.Severity.Should().Be(IssueSeverity.Error);
    }

    [Fact]
    public void Check_WhenEveryFailureIsARefusal_IsAnAnswerNotAFault()
    {
        var added = SearchOutcome.Check(TestGateway.Search("Condition", ByNhs), asked: 1, refused: 0, answered: 0, [Failure(SupplierFailureKind.Refused)], [Said]);

        added.Should().BeEmpty();
    }

    [Fact]
    public void Check_WhenOneHolderAnswered_DoesNotThrowForTheOthersFailures()
    {
        var added = SearchOutcome.Check(TestGateway.Search("Condition", ByNhs), asked: 2, refused: 0, answered: 1, [Failure(SupplierFailureKind.Unavailable)], [Said]);

        added.Should().BeEmpty();
    }

    [Fact]
    public void Check_WhenNobodyHoldsTheRecord_SaysSo()
    {
        var added = SearchOutcome.Check(TestGateway.Search("Condition", ByNhs), asked: 0, refused: 0, answered: 0, [], []);

        var issue = added.Should().ContainSingle().Subject;
        issue.Code.Should().Be(SearchOutcome.NoneHeldCode);
        issue.Severity.Should().Be(IssueSeverity.Information);
        issue.Type.Should().Be(IssueType.NotFound);
    }

    [Theory]
    [InlineData("Condition", ByNhs, 1, 0)]
    [InlineData("Condition", ByNhs, 0, 1)]
    [InlineData("Patient", "identifier=https://fhir.nhs.uk/Id/nhs-number|9000000009", 0, 0)]
    [InlineData("Patient", "family=Smith&birthdate=1950-01-01", 0, 0)]
    public void Check_WhenSomeoneWasAskedOrRefusedOrTheSearchIsForPatients_SaysNothing(string type, string query, int asked, int refused)
    {
        var added = SearchOutcome.Check(TestGateway.Search(type, query), asked, refused, answered: asked, [], []);

        added.Should().BeEmpty();
    }

    private static SupplierFailure Failure(SupplierFailureKind kind) => new("fake", "A1", kind);
}
