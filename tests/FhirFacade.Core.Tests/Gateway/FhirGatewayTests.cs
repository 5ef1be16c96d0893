using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Fhir.Model;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Metrics;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Gateway;

[Trait("Category", "Unit")]
public sealed class FhirGatewayTests
{
    private const string Nhs = "9000000009";
    private const string OtherNhs = "9434765919";

    [Fact]
    public async Task SearchAsync_WhenTwoHoldersAnswer_MergesInOdsOrder()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs))
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs));
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("c-a", "c-b");
        result.Suppliers.Should().Equal("fake/A1", "fake/B2");
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_WhenSupplierSendsAnotherPatientsRecord_WithholdsAndReports()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "mine", Nhs))
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "theirs", OtherNhs));
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("mine");
        result.Issues.Should().ContainSingle(i => i.Code == "PATIENT-MISMATCH");
    }

    [Fact]
    public async Task SearchAsync_WithIncludeWhenAMedicationIsAnotherPatients_WithholdsItAndReports()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("MedicationStatement", "fake", "A1", "statement", Nhs, status: "active"))
            .Add("A1", TestResources.Make("Medication", "fake", "A1", "mine", Nhs))
            .Add("A1", TestResources.Make("Medication", "fake", "A1", "theirs", OtherNhs))
            .Add("A1", TestResources.Make("Medication", "fake", "A1", "unattributed", patientNhs: null));
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("MedicationStatement", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs + "&_include=MedicationStatement:medication"), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("statement");
        result.Included.Select(i => i.Source.NativeId).Should().BeEquivalentTo("mine", "unattributed");
        result.Issues.Should().ContainSingle(i => i.Code == PatientMismatch.Code)
            .Which.Message.Should().StartWith("A Medication ").And.NotContain(OtherNhs);
    }

    [Fact]
    public async Task SearchAsync_WhenOneHolderFails_ReturnsTheRestWithAWarning()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));
        var sut = CreateSut(adapter);
        adapter.FailAt("B2", SupplierFailureKind.Unavailable);

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("c-a");
        result.Issues.Should().ContainSingle().Which.Message.Should().Contain("B2");
    }

    [Fact]
    public async Task SearchAsync_WhenAListedHolderSaysItHasNoRecord_ReturnsTheRestAndAWarningNamingIt()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));
        var sut = CreateSut(adapter);
        adapter.NoLongerHoldsAt("B2");

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("c-a");
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(HolderNotFound.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Type.Should().Be(IssueType.NotFound);
        issue.Message.Should().Contain("Fake fake (fake)").And.Contain("Practice B (B2)").And.NotContain(Nhs);
    }

    [Fact]
    public async Task SearchAsync_WhenTheOnlyListedHolderSaysItHasNoRecord_ReturnsNothingWithTheWarningNot502()
    {
        var adapter = new FakeSupplierAdapter().Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs)).NoLongerHoldsAt("B2");
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle().Which.Code.Should().Be(HolderNotFound.Code);
    }

    [Fact]
    public async Task SearchAsync_WhenAListedHolderSaysItHasNoRecord_ForgetsThePatientsLocation()
    {
        var adapter = new FakeSupplierAdapter().Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs)).NoLongerHoldsAt("B2");
        ForgettingLocator? locator = null;
        var sut = TestGateway.Create(adapter, wrapLocator: inner => locator = new ForgettingLocator(inner));

        await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        locator!.Forgotten.Should().Equal(Nhs);
    }

    [Fact]
    public async Task SearchAsync_WhenEveryHolderAnswers_ForgetsNothing()
    {
        var adapter = new FakeSupplierAdapter().Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));
        ForgettingLocator? locator = null;
        var sut = TestGateway.Create(adapter, wrapLocator: inner => locator = new ForgettingLocator(inner));

        await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        locator!.Forgotten.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_WhenEveryHolderFails_Throws502()
    {
        var adapter = new FakeSupplierAdapter().FailAt("A1", SupplierFailureKind.Malformed).FailAt("B2", SupplierFailureKind.Unavailable);
        var sut = CreateSut(adapter);

        var act = () => sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(502);
        thrown.Issues.Should().HaveCount(2);
    }

    [Fact]
    public async Task SearchAsync_WhenEveryHolderHangs_Throws504()
    {
        var adapter = new FakeSupplierAdapter().HangAt("A1").HangAt("B2");
        var sut = CreateSut(adapter, supplierTimeout: TimeSpan.FromMilliseconds(50));

        var act = () => sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(504);
        thrown.Issues.Should().OnlyContain(i => i.Type == FhirFacade.Fhir.Issues.IssueType.Timeout);
    }

    [Fact]
    public async Task SearchAsync_WhenSupplierCannotFilter_AppliesCriteriaInMemory()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("MedicationStatement", "fake", "A1", "active", Nhs, status: "active", dateElement: "effective", date: "2024-05-01"))
            .Add("A1", TestResources.Make("MedicationStatement", "fake", "A1", "old", Nhs, status: "completed", dateElement: "effective", date: "2019-05-01"))
            .Add("A1", TestResources.Make("MedicationStatement", "fake", "A1", "recent-stopped", Nhs, status: "stopped", dateElement: "effective", date: "2024-06-01"));
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("MedicationStatement", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs + "&status=active,stopped&effective=ge2024"), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("active", "recent-stopped");
    }

    [Fact]
    public async Task SearchAsync_WhenSupplierFiltersNatively_DoesNotFilterAgain()
    {
        var adapter = new FakeSupplierAdapter(nativeSearchParameters: new HashSet<string> { "status" })
            .Add("A1", TestResources.Make("MedicationStatement", "fake", "A1", "m1", Nhs, status: "completed"));
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("MedicationStatement", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs + "&status=active"), CancellationToken.None);

        result.Matches.Should().ContainSingle();
    }

    [Theory]
    [InlineData(ValidationPolicy.Enforce, 0, "VALIDATION-WITHHELD")]
    [InlineData(ValidationPolicy.Report, 1, "VALIDATION-REPORTED")]
    [InlineData(ValidationPolicy.Off, 1, null)]
    public async Task SearchAsync_WhenResourceInvalid_AppliesPolicy(ValidationPolicy policy, int expectedMatches, string? expectedIssue)
    {
        var resource = TestResources.Make("Condition", "fake", "A1", "bad", Nhs);
        var adapter = new FakeSupplierAdapter().Add("A1", resource);
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(resource.Resource.Child("id")!.Text!);
        var sut = CreateSut(adapter, validator: validator, policy: policy);

        var result = await sut.SearchAsync(Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Should().HaveCount(expectedMatches);
        if (expectedIssue is null)
        {
            result.Issues.Should().BeEmpty();
        }
        else
        {
            result.Issues.Select(i => i.Code).Should().Contain([expectedIssue, "VAL-FAKE"]);
        }
    }

    [Fact]
    public async Task SearchAsync_WhenPatientIdGiven_AsksOnlyThatOrganisationByNativeId()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs, patientNativeId: "P1"))
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs, patientNativeId: "P1"));
        var sut = CreateSut(adapter);
        var patientId = TestResourceIds.Encode("Patient", "fake", "A1", "P1");

        var result = await sut.SearchAsync(Search("Condition", "patient=Patient/" + patientId), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("c-a");
        adapter.Queries.Should().ContainSingle().Which.Patient.NativePatientId.Should().Be("P1");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task ReadAsync_WhenIdIsNotAFacadeId_Throws404(string id)
    {
        var sut = CreateSut(new FakeSupplierAdapter());

        var act = () => sut.ReadAsync("Condition", id, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(404);
        thrown.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.NoRecordFound);
    }

    [Fact]
    public async Task ReadAsync_WhenOrganisationUnknown_Throws404()
    {
        var sut = CreateSut(new FakeSupplierAdapter());
        var id = TestResourceIds.Encode("Patient", "fake", "ZZ9", "x");

        var act = () => sut.ReadAsync("Patient", id, CancellationToken.None);

        (await act.Should().ThrowAsync<FacadeException>()).Which.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.PatientNotFound);
    }

    [Fact]
    public async Task ReadAsync_WhenFound_ReturnsResourceWithSource()
    {
        var resource = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var sut = CreateSut(new FakeSupplierAdapter().Add("B2", resource));

        var result = await sut.ReadAsync("Condition", resource.Resource.Child("id")!.Text!, CancellationToken.None);

        result.Resource.Source.Should().BeSameAs(resource);
        result.Resource.Organisation.Should().Be("B2");
        result.Resource.Version.Should().Be("1");
    }

    [Fact]
    public async Task ReadAsync_WhenSupplierAnswersAboutAnotherPatient_Throws502AndWithholdsIt()
    {
        var theirs = TestResources.Make("Condition", "fake", "B2", "c-b", OtherNhs);
        var sut = CreateSut(new FakeSupplierAdapter().Add("B2", theirs).ReadsAskAbout(Nhs));

        var act = () => sut.ReadAsync("Condition", theirs.Resource.Child("id")!.Text!, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(502);
        var issue = thrown.Issues.Should().ContainSingle().Which;
        issue.Code.Should().Be("PATIENT-MISMATCH");
        issue.Severity.Should().Be(IssueSeverity.Error);
        issue.Message.Should().Contain("Practice B (B2)").And.NotContain(OtherNhs);
    }

    [Fact]
    public async Task ReadAsync_WhenTheRecordAnsweredIsAnotherPatientsWithoutTheItem_Throws502NotNotFound()
    {
        var sut = CreateSut(new FakeSupplierAdapter().ReadsAskAbout(Nhs, recordNhsNumber: OtherNhs));
        var id = TestResourceIds.Encode("Condition", "fake", "B2", Nhs + "/c-1");

        var act = () => sut.ReadAsync("Condition", id, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(502);
        thrown.Issues.Should().ContainSingle().Which.Code.Should().Be("PATIENT-MISMATCH");
    }

    [Fact]
    public async Task ReadAsync_WhenTheRecordAnsweredIsThePatientsWithoutTheItem_Throws404()
    {
        var sut = CreateSut(new FakeSupplierAdapter().ReadsAskAbout(Nhs, recordNhsNumber: Nhs));
        var id = TestResourceIds.Encode("Condition", "fake", "B2", Nhs + "/c-1");

        var act = () => sut.ReadAsync("Condition", id, CancellationToken.None);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(404);
    }

    [Fact]
    public async Task ReadAsync_WhenSupplierAnswersAboutThePatientAskedFor_ReturnsIt()
    {
        var mine = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var sut = CreateSut(new FakeSupplierAdapter().Add("B2", mine).ReadsAskAbout(Nhs));

        var result = await sut.ReadAsync("Condition", mine.Resource.Child("id")!.Text!, CancellationToken.None);

        result.Resource.Source.Should().BeSameAs(mine);
    }

    [Fact]
    public async Task ReadAsync_WhenSupplierTimesOut_Throws504()
    {
        var resource = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var sut = CreateSut(new FakeSupplierAdapter().Add("B2", resource).HangAt("B2"), supplierTimeout: TimeSpan.FromMilliseconds(50));

        var act = () => sut.ReadAsync("Condition", resource.Resource.Child("id")!.Text!, CancellationToken.None);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(504);
    }

    private static SearchRequest Search(string type, string query) => TestGateway.Search(type, query);

    [Fact]
    public async Task ReadAsync_WhenThePolicyMayNotRead_Throws404AsForAnIdNeverIssuedWithoutAskingAnyone()
    {
        // The injected failure would turn a call into 502: the 404 proves the supplier was not asked.
        var resource = TestResources.Make("Condition", "fake", "B2", Nhs + "/c-1", Nhs);
        var adapter = new FakeSupplierAdapter().Add("B2", resource).FailAt("B2", SupplierFailureKind.Unavailable);
        var sut = TestGateway.Create(adapter, access: new NoReadsPolicy());
        var id = resource.Resource.Child("id")!.Text!;
        var neverIssued = string.Concat(id.AsSpan(0, id.Length - 1), id[^1] == 'A' ? "B" : "A");

        var refused = (await ((Func<Task>)(() => sut.ReadAsync("Condition", id, CancellationToken.None))).Should().ThrowAsync<FacadeException>()).Which;
        var unknown = (await ((Func<Task>)(() => sut.ReadAsync("Condition", neverIssued, CancellationToken.None))).Should().ThrowAsync<FacadeException>()).Which;

        refused.StatusCode.Should().Be(404);
        refused.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.NoRecordFound);
        refused.Issues.Single().Message.Replace(id, "{id}", StringComparison.Ordinal).Should().Be(unknown.Issues.Single().Message.Replace(neverIssued, "{id}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MedicationStatement")]
    [InlineData("Patient")]
    public async Task ReadAsync_IdOfAnotherResourceType_Throws404WithoutAskingTheSupplier(string readAs)
    {
        var resource = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var adapter = new FakeSupplierAdapter().Add("B2", resource).FailAt("B2", SupplierFailureKind.Unavailable);
        var sut = CreateSut(adapter);

        var act = () => sut.ReadAsync(readAs, resource.Resource.Child("id")!.Text!, CancellationToken.None);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(404);
    }

    private sealed class NoReadsPolicy : IAccessPolicy
    {
        public ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public bool MayRead(RequestContext context, string resourceType, FacadeResourceId id) => false;

        public bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation) => true;
    }

    /// <summary>The real locator, recording which NHS numbers the gateway told it to forget.</summary>
    private sealed class ForgettingLocator(IRecordLocator inner) : IRecordLocator
    {
        public List<string> Forgotten { get; } = [];

        public Task<RecordLocation> LocateAsync(NhsNumber nhsNumber, CancellationToken cancellationToken) => inner.LocateAsync(nhsNumber, cancellationToken);

        public void Forget(NhsNumber nhsNumber)
        {
            Forgotten.Add(nhsNumber.Value);
            inner.Forget(nhsNumber);
        }
    }

    private static GatewayUnderTest CreateSut(
        FakeSupplierAdapter adapter,
        TimeSpan? supplierTimeout = null,
        IResourceValidator? validator = null,
        ValidationPolicy policy = ValidationPolicy.Enforce) =>
        TestGateway.Create(adapter, supplierTimeout, validator, policy);
}
