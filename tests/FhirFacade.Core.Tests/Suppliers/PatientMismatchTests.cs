using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Suppliers;

[Trait("Category", "Unit")]
public sealed class PatientMismatchTests
{
    public static TheoryData<string, string?, bool> Answers => new()
    {
        { "9990000018", "9990000069", true },
        { "9990000018", "9990000018", false },
        { "9990000018", null, false },
        { "9990000018", "", false },
        { "not-an-nhs-number", "9990000069", false },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void IsAboutAnotherPatient_AskedIdAndRecordNhsNumber_TrueOnlyWhenTheRecordNamesSomeoneElse(string askedId, string? recordNhsNumber, bool expected)
    {
        var mismatch = PatientMismatch.IsAboutAnotherPatient(askedId, recordNhsNumber);

        mismatch.Should().Be(expected);
    }

    [Fact]
    public void Read_AnotherPatientsRecord_HasNoResourceAndNamesBothPatients()
    {
        var read = PatientMismatch.Read("9990000018", "9990000069");

        read.Resource.Should().BeNull();
        read.Issues.Should().BeEmpty();
        read.AskedAbout.Should().Be(PatientSelector.ForNativeId("9990000018"));
        read.RecordNhsNumber.Should().Be("9990000069");
    }

    [Fact]
    public void Search_AnotherPatientsRecord_HasNoMatchesAndOneWarningNamingTheSource()
    {
        var organisation = new OrganisationEndpoint { OdsCode = "A81001", Name = "Riverside Medical Practice", Supplier = "fake" };

        var result = PatientMismatch.Search(new FakeSupplierAdapter(), organisation, "Condition");

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Should().Match<Issue>(i => i.Code == "PATIENT-MISMATCH" && i.Severity == IssueSeverity.Warning && i.Type == IssueType.Processing);
        issue.Message.Should().Be("The Condition record from Fake fake (fake) at Riverside Medical Practice (A81001) was about a different patient than the one asked for and was withheld.");
    }
}
