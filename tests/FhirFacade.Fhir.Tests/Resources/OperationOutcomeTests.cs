using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.Fhir.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class OperationOutcomeTests
{
    private static readonly Issue SpineIssue = new("FACADE-NHS-001", IssueSeverity.Error, IssueType.Value, "The NHS number fails its check digit.", "Patient.identifier[0].value")
    {
        Detail = new IssueDetail(UkCoreSystems.SpineErrorOrWarningCode, "INVALID_NHS_NUMBER", "Invalid NHS number"),
    };

    private static readonly Issue ValidatorIssue = new("VAL-INV", IssueSeverity.Warning, IssueType.Invariant, "Constraint failed.", "Patient.name[0]")
    {
        ConstraintKey = "ele-1",
    };

    [Fact]
    public void FromIssues_SpineIssue_MapsEveryField()
    {
        var outcome = OperationOutcome.FromIssues([SpineIssue]);

        var issue = outcome.Issue.Should().ContainSingle().Subject;
        issue.Severity.Should().Be("error");
        issue.Code.Should().Be("value");
        issue.Diagnostics.Should().Be("FACADE-NHS-001");
        issue.Details!.Text.Should().Be("The NHS number fails its check digit.");
        issue.Details.Coding.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { System = UkCoreSystems.SpineErrorOrWarningCode, Code = "INVALID_NHS_NUMBER", Display = "Invalid NHS number" });
        issue.Expression.Should().Equal("Patient.identifier[0].value");
        issue.Extension.Should().BeEmpty();
    }

    [Fact]
    public void FromIssues_ConstraintKey_WrittenAsIssueSourceExtension()
    {
        var outcome = OperationOutcome.FromIssues([ValidatorIssue]);

        var extension = outcome.Issue[0].GetExtension(FhirSystems.OperationOutcomeIssueSourceExtension);
        extension!.Value.Should().BeOfType<FhirString>().Which.Value.Should().Be("ele-1");
        outcome.Issue[0].Severity.Should().Be("warning");
        outcome.Issue[0].Code.Should().Be("invariant");
    }

    [Fact]
    public void ToIssues_AfterFromIssues_ReturnsEqualIssues()
    {
        var outcome = OperationOutcome.FromIssues([SpineIssue, ValidatorIssue]);

        var issues = outcome.ToIssues();

        issues.Should().Equal(SpineIssue, ValidatorIssue);
    }

    [Fact]
    public void ToIssues_UnknownCodes_ReadAsErrorProcessing()
    {
        var outcome = new OperationOutcome();
        outcome.Issue.Add(new OperationOutcome.IssueComponent { Severity = "bad", Code = "nonsense", Diagnostics = "X1" });

        var issue = outcome.ToIssues().Should().ContainSingle().Subject;

        issue.Should().Be(new Issue("X1", IssueSeverity.Error, IssueType.Processing, string.Empty));
    }
}
