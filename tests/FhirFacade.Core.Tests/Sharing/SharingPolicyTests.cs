using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Core.Tests.Sharing;

[Trait("Category", "Unit")]
public sealed class SharingPolicyTests
{
    private const string Requester = "Y90001";

    public static TheoryData<string, OrganisationSharingOptions, string?, string, string?> Cases() => new()
    {
        { "defaults share everything", new OrganisationSharingOptions(), Requester, "Condition", null },
        { "defaults share with an unstated requester", new OrganisationSharingOptions(), null, "Patient", null },
        { "sharing off refuses every type", new OrganisationSharingOptions { Enabled = false }, Requester, "Patient", SharingIssues.RefusedCode },
        { "sharing off refuses Organization too", new OrganisationSharingOptions { Enabled = false }, Requester, "Organization", SharingIssues.RefusedCode },
        { "listed requester is served", new OrganisationSharingOptions { RequestingOrganisations = ["Y90001"] }, Requester, "Condition", null },
        { "requester match ignores case", new OrganisationSharingOptions { RequestingOrganisations = ["y90001"] }, Requester, "Condition", null },
        { "unlisted requester is refused", new OrganisationSharingOptions { RequestingOrganisations = ["X11111"] }, Requester, "Condition", SharingIssues.RequesterRefusedCode },
        { "unstated requester is refused when a list exists", new OrganisationSharingOptions { RequestingOrganisations = ["Y90001"] }, null, "Condition", SharingIssues.RequesterRefusedCode },
        { "shared area is served", new OrganisationSharingOptions { Areas = [RecordAreas.Medications] }, Requester, "MedicationStatement", null },
        { "Medication belongs to medications", new OrganisationSharingOptions { Areas = [RecordAreas.Medications] }, Requester, "Medication", null },
        { "problems withheld", new OrganisationSharingOptions { Areas = [RecordAreas.Medications] }, Requester, "Condition", SharingIssues.AreaWithheldCode },
        { "allergies withheld", new OrganisationSharingOptions { Areas = [RecordAreas.Problems] }, Requester, "AllergyIntolerance", SharingIssues.AreaWithheldCode },
        { "demographics withheld", new OrganisationSharingOptions { Areas = [RecordAreas.Problems] }, Requester, "Patient", SharingIssues.AreaWithheldCode },
        { "Practitioner belongs to demographics", new OrganisationSharingOptions { Areas = [RecordAreas.Problems] }, Requester, "Practitioner", SharingIssues.AreaWithheldCode },
        { "Organization belongs to no area", new OrganisationSharingOptions { Areas = [RecordAreas.Problems] }, Requester, "Organization", null },
        { "area names ignore case", new OrganisationSharingOptions { Areas = ["Problems"] }, Requester, "Condition", null },
        { "empty area list reads as every area", new OrganisationSharingOptions { Areas = [] }, Requester, "Condition", null },
        { "requester refusal comes before area", new OrganisationSharingOptions { Areas = [RecordAreas.Medications], RequestingOrganisations = ["X11111"] }, Requester, "Condition", SharingIssues.RequesterRefusedCode },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Refusal_ForRules_GivesTheExpectedIssue(string description, OrganisationSharingOptions rules, string? requester, string resourceType, string? expectedCode)
    {
        var context = As(requester);

        var refusal = SharingPolicy.Refusal(context, Organisation(rules), resourceType);

        refusal?.Code.Should().Be(expectedCode, description);
        (refusal is null).Should().Be(expectedCode is null, description);
    }

    [Fact]
    public void Refusal_WhenAreaWithheld_IsASuppressedWarningNamingOrganisationAndArea()
    {
        var context = As(Requester);

        var refusal = SharingPolicy.Refusal(context, Organisation(new OrganisationSharingOptions { Areas = [RecordAreas.Medications] }), "Condition")!;

        refusal.Severity.Should().Be(IssueSeverity.Warning);
        refusal.Type.Should().Be(IssueType.Suppressed);
        refusal.Detail!.Code.Should().Be(SpineErrorCodes.NoOrganisationConsent);
        refusal.Message.Should().Contain("Practice A (A1)").And.Contain("problems");
    }

    [Fact]
    public void Refusal_WhenRequesterNotListed_NamesTheRequester()
    {
        var context = As("Z12345");

        var refusal = SharingPolicy.Refusal(context, Organisation(new OrganisationSharingOptions { RequestingOrganisations = ["Y90001"] }), "Patient")!;

        refusal.Message.Should().Contain("Z12345").And.Contain("Practice A (A1)");
    }

    [Fact]
    public void EnsureMayRead_WhenRefused_Throws403ForbiddenWithNoOrganisationConsent()
    {
        var sut = CreateSut();

        var act = () => sut.EnsureMayRead(As(Requester), Organisation(new OrganisationSharingOptions { Enabled = false }), "Patient");

        var thrown = act.Should().Throw<FacadeException>().Which;
        thrown.StatusCode.Should().Be(403);
        var issue = thrown.Issues.Should().ContainSingle().Subject;
        issue.Severity.Should().Be(IssueSeverity.Error);
        issue.Type.Should().Be(IssueType.Forbidden);
        issue.Code.Should().Be(SharingIssues.RefusedCode);
        issue.Detail!.Code.Should().Be(SpineErrorCodes.NoOrganisationConsent);
    }

    [Fact]
    public void EnsureMayRead_WhenShared_DoesNotThrow()
    {
        var sut = CreateSut();

        var act = () => sut.EnsureMayRead(As(Requester), Organisation(new OrganisationSharingOptions { Areas = [RecordAreas.Problems] }), "Condition");

        act.Should().NotThrow();
    }

    private static OrganisationEndpoint Organisation(OrganisationSharingOptions rules) =>
        new() { OdsCode = "A1", Name = "Practice A", Supplier = "fake", Endpoint = new Uri("http://127.0.0.1:1/"), Sharing = rules };

    private static SharingPolicy CreateSut() => new(NullLogger<SharingPolicy>.Instance);

    /// <summary>A request made on behalf of <paramref name="requester"/> (none stated when <see langword="null"/>).</summary>
    private static RequestContext As(string? requester) =>
        new(new Caller("test-app", [], null, requester), "test-request", TimeSpan.FromSeconds(5));
}
