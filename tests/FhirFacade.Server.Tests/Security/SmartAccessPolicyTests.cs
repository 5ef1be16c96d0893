using FhirFacade.Core.Access;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Server.Security;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.Tests.Security;

/// <summary>Patient confinement decided from the request alone, before any supplier is asked (docs/adr/0005).</summary>
[Trait("Category", "Unit")]
public sealed class SmartAccessPolicyTests
{
    private const string Alice = "9990000018";
    private const string Leonard = "9990000123";

    public static TheoryData<string, string, string, string, bool> Reads() => new()
    {
        // resource type, supplier, organisation, native id, may a token confined to Alice (emis/A81001) read it
        { "Patient", "emis", "A81001", Alice, true },
        { "Patient", "tpp", "B82005", Alice, true },
        { "Condition", "emis", "A81001", Alice + "/3f2504e0-4f89-41d3-9a0c-0305e82c3301", true },
        { "Practitioner", "tpp", "B82005", Alice + "/200051", true },
        { "Patient", "emis", "A81001", Leonard, false },
        { "Condition", "emis", "A81001", Leonard + "/3f2504e0-4f89-41d3-9a0c-0305e82c3301", false },
        { "Practitioner", "tpp", "B82005", Leonard + "/200051", false },
        { "MedicationStatement", "vision", "C83001", "9000000009/M1", false },
        { "Organization", "emis", "A81001", "A81001", true },
        { "Practitioner", "emis", "A81001", "555000100011", true },
        { "Patient", "emis", "A81001", "not-an-nhs-number", false },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void MayRead_PatientConfinedToken_ReadsOnlyItsPatientsRecordsAndRecordsOfNoPatient(string resourceType, string supplier, string organisation, string nativeId, bool expected)
    {
        var (sut, context) = CreateSut(patientContext: TestResourceIds.Encode("Patient", "emis", "A81001", Alice));

        var mayRead = sut.MayRead(context, resourceType, new FacadeResourceId(supplier, organisation, nativeId));

        mayRead.Should().Be(expected);
    }

    [Fact]
    public void MayRead_TokenWithoutPatientContext_ReadsAnything()
    {
        var (sut, context) = CreateSut(patientContext: null);

        var mayRead = sut.MayRead(context, "Patient", new FacadeResourceId("emis", "A81001", Leonard));

        mayRead.Should().BeTrue();
    }

    [Fact]
    public void MayRead_PatientClaimThatIsNoFacadeId_ReadsNoPatientsRecord()
    {
        var (sut, context) = CreateSut(patientContext: "forged-" + Alice);

        sut.MayRead(context, "Patient", new FacadeResourceId("emis", "A81001", Alice)).Should().BeFalse();
        sut.MayRead(context, "Organization", new FacadeResourceId("emis", "A81001", "A81001")).Should().BeTrue();
    }

    [Theory]
    [InlineData("patient=Patient/never-issued")]
    [InlineData("patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Leonard)]
    public async Task AuthorizeAsync_SearchNamingAnyoneButThePatient_Is403(string query)
    {
        var (sut, context) = CreateSut(patientContext: TestResourceIds.Encode("Patient", "emis", "A81001", Alice));
        var search = SearchRequestParser.Parse("Condition", [KeyValuePair.Create(query.Split('=', 2)[0], query.Split('=', 2)[1])], strict: false, TestResourceIds.Codec);

        var act = () => sut.AuthorizeAsync(context, new AccessRequest("search-type", "Condition", null, search), CancellationToken.None).AsTask();

        var refusal = (await act.Should().ThrowAsync<FacadeException>()).Which;
        refusal.StatusCode.Should().Be(403);
        refusal.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.AccessDenied);
    }

    [Theory]
    [InlineData("patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Alice)]
    [InlineData("patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Leonard)]
    public async Task AuthorizeAsync_PatientClaimThatIsNoFacadeId_RefusesASearchNamingAnyPatientUpFront(string query)
    {
        // A token confined to a claim that names nobody: the search is refused before any supplier is asked, instead of
        // running and having every resource withheld on the way out.
        var (sut, context) = CreateSut(patientContext: "forged-" + Alice);
        var search = SearchRequestParser.Parse("Condition", [KeyValuePair.Create(query.Split('=', 2)[0], query.Split('=', 2)[1])], strict: false, TestResourceIds.Codec);

        var act = () => sut.AuthorizeAsync(context, new AccessRequest("search-type", "Condition", null, search), CancellationToken.None).AsTask();

        var refusal = (await act.Should().ThrowAsync<FacadeException>()).Which;
        refusal.StatusCode.Should().Be(403);
        refusal.Issues.Single().Detail!.Code.Should().Be(SpineErrorCodes.AccessDenied);
    }

    [Fact]
    public void MayRelease_CallerBuiltAtTheEdge_DecidesOnItsDecodedPatientNotTheClaim()
    {
        // The claim text names nobody the facade issued; the caller's decoded patient is Alice. The policy must decide on
        // what the edge decoded (Alice), not decode the claim again (which would confine the caller to nobody).
        var caller = new Caller("test-app", [], "claim-decoded-at-the-edge", null) { PatientId = new FacadeResourceId("emis", "A81001", Alice) };
        var context = new RequestContext(caller, "test-request", TimeSpan.FromSeconds(5));
        var sut = new SmartAccessPolicy();

        sut.MayRelease(context, TestResources.Make("Condition", "emis", "A81001", Alice + "/c1", patientNhs: Alice), "emis", "A81001").Should().BeTrue();
        sut.MayRelease(context, TestResources.Make("Condition", "emis", "A81001", Leonard + "/c1", patientNhs: Leonard), "emis", "A81001").Should().BeFalse();
        sut.MayRead(context, "Patient", new FacadeResourceId("tpp", "B82005", Alice)).Should().BeTrue();
    }

    [Fact]
    public void MayRelease_PatientClaimThatIsNoFacadeId_ReleasesNoPatientsData()
    {
        var (sut, context) = CreateSut(patientContext: "forged-" + Alice);

        sut.MayRelease(context, TestResources.Make("Patient", "emis", "A81001", Alice, patientNhs: Alice), "emis", "A81001").Should().BeFalse();
        sut.MayRelease(context, TestResources.Make("Condition", "emis", "A81001", Alice + "/c1", patientNhs: Alice), "emis", "A81001").Should().BeFalse();
        sut.MayRelease(context, TestResources.Make("Organization", "emis", "A81001", "A81001", patientNhs: null), "emis", "A81001").Should().BeTrue();
    }

    // The caller as the edge builds the gateway's context from it (RequestContexts), not read back from an HttpContext.
    private static (IAccessPolicy Policy, RequestContext Context) CreateSut(string? patientContext)
    {
        var caller = RequestContexts.ToCaller(new FacadeCaller { ClientId = "test-app", PatientContext = patientContext }, TestResourceIds.Codec);
        return (new SmartAccessPolicy(), new RequestContext(caller, "test-request", TimeSpan.FromSeconds(5)));
    }
}
