using System.Collections.Immutable;
using FhirFacade.Core.Access;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>
/// Screen (and validate what passes): the answers of the holders, as values. Each rule on its own, then the order the
/// issues come out in, which the Bundle's OperationOutcome shows as it is.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ScreenStepTests
{
    private const string Nhs = "9000000009";
    private const string OtherNhs = "9434765919";
    private const string ByNhs = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs;
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Run_ResourceOfAnotherPatient_IsWithheldWithAPatientMismatchWarningNamingTheSource()
    {
        var answers = Answers(("A1", Found([Condition("mine", Nhs), Condition("theirs", OtherNhs)])));

        var screened = CreateSut().Run(TestGateway.Context(), Search("Condition", ByNhs), answers, Now);

        screened.Value.Matches.Select(m => m.Source.NativeId).Should().Equal("mine");
        var issue = screened.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Be("A Condition from Fake fake (fake) at Practice A1 (A1) was about a different patient than the one asked for and was withheld.");
    }

    [Fact]
    public void Run_ResourceNotMeetingACriterionTheSupplierCouldNotApply_IsDroppedWithoutAnIssue()
    {
        var answers = Answers(("A1", Found([
            Statement("active", status: "active"),
            Statement("completed", status: "completed"),
        ])));

        var screened = CreateSut().Run(TestGateway.Context(), Search("MedicationStatement", ByNhs + "&status=active"), answers, Now);

        screened.Value.Matches.Select(m => m.Source.NativeId).Should().Equal("active");
        screened.Issues.Should().BeEmpty();
    }

    [Fact]
    public void MeetsCriteria_CriterionTheSupplierAppliedNatively_IsNotAppliedAgain()
    {
        var completed = Statement("completed", status: "completed");
        var request = Search("MedicationStatement", ByNhs + "&status=active");

        ScreenStep.MeetsCriteria(completed, request, new HashSet<string>(), Now).Should().BeFalse();
        ScreenStep.MeetsCriteria(completed, request, new HashSet<string> { "status" }, Now).Should().BeTrue();
    }

    [Fact]
    public void Run_ResourceTheAccessPolicyRefuses_IsDroppedBeforeValidation()
    {
        var refused = Condition("refused", Nhs);
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(refused.Resource.Child("id")!.Text!);
        var answers = Answers(("A1", Found([refused, Condition("kept", Nhs)])));

        var screened = CreateSut(new RefusingPolicy("refused"), validator).Run(TestGateway.Context(), Search("Condition", ByNhs), answers, Now);

        screened.Value.Matches.Select(m => m.Source.NativeId).Should().Equal("kept");
        screened.Issues.Should().BeEmpty("a resource the caller may not see is not validated, so nothing is said about it");
    }

    [Fact]
    public void Run_InvalidResource_IsWithheldWithTheValidationIssues()
    {
        var invalid = Condition("invalid", Nhs);
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(invalid.Resource.Child("id")!.Text!);

        var screened = CreateSut(validator: validator).Run(TestGateway.Context(), Search("Condition", ByNhs), Answers(("A1", Found([invalid]))), Now);

        screened.Value.Matches.Should().BeEmpty();
        screened.Issues.Select(i => i.Code).Should().Equal("VALIDATION-WITHHELD", "VAL-FAKE");
    }

    [Fact]
    public void Run_FailedCall_IsAFailureWithItsIssueAndDoesNotCountAsAnswered()
    {
        var failure = new SupplierFailure("fake", "B2", SupplierFailureKind.Unavailable);
        var issue = new Issue("SUPPLIER-UNAVAILABLE", IssueSeverity.Warning, IssueType.Transient, "B2 could not be reached.");
        var answers = Answers(("A1", Found([Condition("c-a", Nhs)])), ("B2", new SupplierCallResult<SupplierSearchResult>(null, failure, issue)));

        var screened = CreateSut().Run(TestGateway.Context(), Search("Condition", ByNhs), answers, Now);

        screened.Value.Failures.Should().Equal(failure);
        screened.Value.Answered.Should().Be(1);
        screened.Issues.Should().Equal(issue);
    }

    [Fact]
    public void Run_HolderThatNoLongerHoldsTheRecord_IsReportedAndItsLocationForgotten()
    {
        var locator = new RecordingLocator();
        var answers = Answers(("B2", new SupplierCallResult<SupplierSearchResult>(SupplierSearchResult.NotHeld, null, null)));

        var screened = CreateSut(locator: locator).Run(TestGateway.Context(), Search("Condition", ByNhs), answers, Now);

        screened.Value.Answered.Should().Be(1);
        screened.Issues.Should().ContainSingle().Which.Code.Should().Be(HolderNotFound.Code);
        locator.Forgotten.Select(n => n.Value).Should().Equal(Nhs);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public void Run_MedicationsOfAStatementSearch_AreKeptForTheMergeAndReleasedOnlyWhenIncluded(bool include, int expectedIncluded)
    {
        var found = new SupplierSearchResult(
            [Statement("s", status: "active")],
            [Medication("mine", Nhs), Medication("unattributed", null), Medication("theirs", OtherNhs)],
            []);
        var query = ByNhs + (include ? "&_include=MedicationStatement:medication" : string.Empty);

        var screened = CreateSut().Run(TestGateway.Context(), Search("MedicationStatement", query), Answers(("A1", Value(found))), Now);

        screened.Value.Medications.Select(m => m.NativeId).Should().Equal("mine", "unattributed");
        screened.Value.Included.Should().HaveCount(expectedIncluded);
        screened.Issues.Select(i => i.Code).Should().Equal(include ? new[] { PatientMismatch.Code } : Array.Empty<string>());
    }

    [Fact]
    public void Run_IssuesComeOutHolderByHolderAndResourceByResource()
    {
        var validator = new FakeResourceValidator();
        var invalid = Condition("invalid", Nhs);
        validator.InvalidIds.Add(invalid.Resource.Child("id")!.Text!);
        var supplierIssue = new Issue("SUPPLIER-NOTE", IssueSeverity.Information, IssueType.Informational, "A note from the supplier.");
        var failed = new Issue("SUPPLIER-TIMEOUT", IssueSeverity.Warning, IssueType.Timeout, "B2 did not answer.");
        var answers = Answers(
            ("A1", Value(new SupplierSearchResult([Condition("theirs", OtherNhs), invalid, Condition("theirs-too", OtherNhs)], [], [supplierIssue]))),
            ("B2", new SupplierCallResult<SupplierSearchResult>(null, new SupplierFailure("fake", "B2", SupplierFailureKind.Timeout), failed)),
            ("C3", Found([Condition("theirs-at-c3", OtherNhs)])));

        var screened = CreateSut(validator: validator).Run(TestGateway.Context(), Search("Condition", ByNhs), answers, Now);

        screened.Issues.Select(i => i.Code).Should().Equal(
            "SUPPLIER-NOTE", PatientMismatch.Code, "VALIDATION-WITHHELD", "VAL-FAKE", PatientMismatch.Code, "SUPPLIER-TIMEOUT", PatientMismatch.Code);
        screened.Issues[^1].Message.Should().Contain("(C3)");
    }

    [Fact]
    public void Run_TheCallersContext_IsWhatTheAccessPolicyIsAsked()
    {
        var policy = new RecordingPolicy();
        var context = TestGateway.Context(requester: "Y90001", patientContext: "patient-id");

        CreateSut(policy).Run(context, Search("Condition", ByNhs), Answers(("A1", Found([Condition("c", Nhs)]))), Now);

        policy.Contexts.Should().ContainSingle().Which.Should().BeSameAs(context);
    }

    private static ScreenStep CreateSut(IAccessPolicy? access = null, FakeResourceValidator? validator = null, IRecordLocator? locator = null) =>
        new(access ?? new AllowAllAccessPolicy(), TestGateway.Validation(validator), locator ?? new RecordingLocator(), NullLogger.Instance);

    private static SearchRequest Search(string type, string query) => TestGateway.Search(type, query);

    private static SupplierResource Condition(string id, string? nhs) => TestResources.Make("Condition", "fake", "A1", id, nhs);

    private static SupplierResource Statement(string id, string status) => TestResources.Make("MedicationStatement", "fake", "A1", id, Nhs, status: status);

    private static SupplierResource Medication(string id, string? nhs) => TestResources.Make("Medication", "fake", "A1", id, nhs);

    private static SupplierCallResult<SupplierSearchResult> Found(IReadOnlyList<SupplierResource> matches) => Value(new SupplierSearchResult(matches, [], []));

    private static SupplierCallResult<SupplierSearchResult> Value(SupplierSearchResult result) => new(result, null, null);

    private static ImmutableArray<HolderAnswer> Answers(params (string Ods, SupplierCallResult<SupplierSearchResult> Call)[] answers)
    {
        var adapter = new FakeSupplierAdapter();
        return [.. answers.Select(a => new HolderAnswer(
            new RecordHolder(
                new OrganisationEndpoint { OdsCode = a.Ods, Name = "Practice " + a.Ods, Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
                adapter,
                PatientSelector.ForNativeId(Nhs)),
            a.Call))];
    }

    private sealed class RefusingPolicy(string nativeId) : IAccessPolicy
    {
        public ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public bool MayRead(RequestContext context, string resourceType, FacadeResourceId id) => true;

        public bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation) => resource.NativeId != nativeId;
    }

    private sealed class RecordingPolicy : IAccessPolicy
    {
        public List<RequestContext> Contexts { get; } = [];

        public ValueTask AuthorizeAsync(RequestContext context, AccessRequest request, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public bool MayRead(RequestContext context, string resourceType, FacadeResourceId id) => true;

        public bool MayRelease(RequestContext context, SupplierResource resource, string supplier, string organisation)
        {
            Contexts.Add(context);
            return true;
        }
    }

    private sealed class RecordingLocator : IRecordLocator
    {
        public List<NhsNumber> Forgotten { get; } = [];

        public Task<RecordLocation> LocateAsync(NhsNumber nhsNumber, CancellationToken cancellationToken) => Task.FromResult(new RecordLocation([], [], []));

        public void Forget(NhsNumber nhsNumber) => Forgotten.Add(nhsNumber);
    }
}
