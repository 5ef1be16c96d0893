using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>
/// The gateway under organisation sharing rules (configured, and reported by the supplier as
/// <see cref="SupplierFailureKind.Refused"/>). "Not called" is proved by the fake adapter's query log
/// and by failures injected at the refusing organisation that would surface if it were called.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FhirGatewaySharingTests
{
    private const string Nhs = "9000000009";
    private const string ConditionSearch = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs;

    [Fact]
    public async Task SearchAsync_WhenOrganisationSharesNothing_DoesNotCallItAndWarns()
    {
        var adapter = TwoHolders();
        var sut = CreateSut(adapter, new OrganisationSharingOptions { Enabled = false });

        var result = await sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);

        result.Matches.Select(m => m.Organisation).Should().Equal("A1");
        adapter.Queries.Should().ContainSingle();
        result.Suppliers.Should().Equal("fake/A1");
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(SharingIssues.RefusedCode);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain("Practice B (B2)");
    }

    [Fact]
    public async Task SearchAsync_WhenAreaWithheld_DoesNotCallForThatArea()
    {
        var adapter = TwoHolders().Add("B2", TestResources.Make("MedicationStatement", "fake", "B2", "m-b", Nhs));
        var sut = CreateSut(adapter, new OrganisationSharingOptions { Areas = [RecordAreas.Medications] });

        var conditions = await sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);
        var medications = await sut.SearchAsync(Search("MedicationStatement", ConditionSearch), CancellationToken.None);

        conditions.Matches.Select(m => m.Organisation).Should().Equal("A1");
        conditions.Issues.Should().ContainSingle(i => i.Code == SharingIssues.AreaWithheldCode && i.Message.Contains("problems"));
        medications.Matches.Select(m => m.Source.NativeId).Should().Equal("m-b");
        medications.Issues.Should().BeEmpty();
        adapter.Queries.Select(q => q.ResourceType).Should().BeEquivalentTo(["Condition", "MedicationStatement", "MedicationStatement"]);
    }

    [Theory]
    [InlineData("Y90001", 2, null)]
    [InlineData("X11111", 1, SharingIssues.RequesterRefusedCode)]
    [InlineData(null, 1, SharingIssues.RequesterRefusedCode)]
    public async Task SearchAsync_WhenOrganisationSharesWithListedRequestersOnly_ServesOnlyThem(string? requester, int expectedMatches, string? expectedIssue)
    {
        var adapter = TwoHolders();
        var sut = CreateSut(adapter, new OrganisationSharingOptions { RequestingOrganisations = ["Y90001"] }, requester);

        var result = await sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);

        result.Matches.Should().HaveCount(expectedMatches);
        result.Issues.Select(i => i.Code).Should().Equal(expectedIssue is null ? [] : [expectedIssue]);
    }

    [Fact]
    public async Task SearchAsync_WhenTheOnlyHolderIsRefusedByConfiguration_Returns200EmptyWithTheRefusalNotLocateNone()
    {
        var adapter = new FakeSupplierAdapter().Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));
        var sut = CreateSut(adapter, new OrganisationSharingOptions { Enabled = false });

        var result = await sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        adapter.Queries.Should().BeEmpty();
        result.Issues.Select(i => i.Code).Should().Equal(SharingIssues.RefusedCode);
    }

    [Fact]
    public async Task SearchAsync_WhenTheOnlyHolderRefusesItself_Returns200EmptyWithRefusalWarning()
    {
        var adapter = new FakeSupplierAdapter().Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs)).FailAt("B2", SupplierFailureKind.Refused);
        var sut = CreateSut(adapter);

        var result = await sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be("SUPPLIER-REFUSED");
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Detail!.Code.Should().Be(SpineErrorCodes.NoOrganisationConsent);
        issue.Message.Should().Contain("does not share records with third parties").And.NotContain("could not be reached");
    }

    [Fact]
    public async Task SearchAsync_WhenOneRefusesAndTheOtherFails_Throws502()
    {
        var adapter = TwoHolders().FailAt("A1", SupplierFailureKind.Unavailable).FailAt("B2", SupplierFailureKind.Refused);
        var sut = CreateSut(adapter);

        var act = () => sut.SearchAsync(Search("Condition", ConditionSearch), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(502);
        thrown.Issues.Select(i => i.Code).Should().BeEquivalentTo(["SUPPLIER-UNAVAILABLE", "SUPPLIER-REFUSED"]);
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("Condition")]
    public async Task ReadAsync_WhenOrganisationDoesNotShare_Throws403WithoutCallingIt(string resourceType)
    {
        // The injected failure would turn a call into 502: a 403 proves the supplier was not asked.
        var adapter = new FakeSupplierAdapter().FailAt("B2", SupplierFailureKind.Unavailable);
        var sut = CreateSut(adapter, new OrganisationSharingOptions { Areas = [RecordAreas.Medications] });
        var id = TestResourceIds.Encode(resourceType, "fake", "B2", "x1");

        var act = () => sut.ReadAsync(resourceType, id, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(403);
        thrown.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.NoOrganisationConsent);
        thrown.Issues.Single().Code.Should().Be(SharingIssues.AreaWithheldCode);
    }

    [Fact]
    public async Task ReadAsync_WhenTheSupplierRefuses_Throws403Forbidden()
    {
        var resource = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var sut = CreateSut(new FakeSupplierAdapter().Add("B2", resource).FailAt("B2", SupplierFailureKind.Refused));

        var act = () => sut.ReadAsync("Condition", resource.Resource.Child("id")!.Text!, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(403);
        var issue = thrown.Issues.Should().ContainSingle().Subject;
        issue.Type.Should().Be(IssueType.Forbidden);
        issue.Severity.Should().Be(IssueSeverity.Error);
        issue.Detail!.Code.Should().Be(SpineErrorCodes.NoOrganisationConsent);
    }

    private static FakeSupplierAdapter TwoHolders() => new FakeSupplierAdapter()
        .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
        .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));

    private static SearchRequest Search(string type, string query) => TestGateway.Search(type, query);

    private static GatewayUnderTest CreateSut(FakeSupplierAdapter adapter, OrganisationSharingOptions? sharingAtB2 = null, string? requester = "Y90001") =>
        TestGateway.Create(adapter, sharingAtB2: sharingAtB2, requester: requester);
}
