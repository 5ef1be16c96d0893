using System.Text.Json.Nodes;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>The adapter over the real Evolution simulator on loopback: OAuth, paging, every resource type, faults.</summary>
[Trait("Category", "Integration")]
public sealed class MicrotestSupplierAdapterTests(MicrotestAdapterFixture fixture) : IClassFixture<MicrotestAdapterFixture>
{
    private const string LongRecord = "9990000042";
    private const string AllFour = "9990000050";
    private const string BrokenData = "9990000107";

    public static TheoryData<string, string> SearchableTypes => new()
    {
        { T.Patient, UkCoreProfiles.Patient },
        { T.Condition, UkCoreProfiles.Condition },
        { T.AllergyIntolerance, UkCoreProfiles.AllergyIntolerance },
        { T.MedicationStatement, UkCoreProfiles.MedicationStatement },
    };

    [Theory]
    [MemberData(nameof(SearchableTypes))]
    public async Task SearchAsync_EachResourceType_ReturnsResourcesWithProfileAndSource(string resourceType, string profile)
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(resourceType, LongRecord), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        foreach (var match in result.Matches)
        {
            var json = Json(match);
            json["resourceType"]!.GetValue<string>().Should().Be(resourceType);
            json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(profile);
            json["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:microtest:L83100");
            match.PatientNhsNumber.Should().Be(LongRecord);
            TestResourceIds.Codec.TryDecode(resourceType, json["id"]!.GetValue<string>(), out var id).Should().BeTrue();
            id!.Supplier.Should().Be("microtest");
        }
    }

    [Fact]
    public async Task SearchAsync_LongRecord_FollowsEveryPage()
    {
        var sut = fixture.Adapter;

        var conditions = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, LongRecord), CancellationToken.None);
        var statements = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.MedicationStatement, LongRecord), CancellationToken.None);
        var allergies = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.AllergyIntolerance, LongRecord), CancellationToken.None);

        conditions.Matches.Should().HaveCount(14);
        statements.Matches.Should().HaveCount(12);
        allergies.Matches.Should().HaveCount(3);
        conditions.Matches.Select(m => m.NativeId).Should().OnlyHaveUniqueItems();
        conditions.Issues.Should().NotContain(i => i.Code == "MICROTEST-TRUNCATED");
    }

    [Fact]
    public async Task SearchAsync_MorePagesThanTheBound_ReturnsFirstPagesAndTruncatedIssue()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(("PageSize", "5"), ("MaxPages", "2")), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, LongRecord), CancellationToken.None);

        result.Matches.Should().HaveCount(10);
        result.Issues.Should().ContainSingle(i => i.Code == "MICROTEST-TRUNCATED");
        recorder.ApiCalls.Count(c => c.Path.EndsWith("/problems", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task SearchAsync_Condition_KeepsReadV2AndAddsSnomedWhereTheMapAllowsElseWarns()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, LongRecord), CancellationToken.None);

        var codings = result.Matches.Select(m => Json(m)["code"]!["coding"]!.AsArray()).ToList();
        codings.Should().OnlyContain(c => c[0]!["system"]!.GetValue<string>() == FhirSystems.ReadV2);
        var withSnomed = codings.Where(c => c.Count == 2).ToList();
        withSnomed.Should().NotBeEmpty().And.OnlyContain(c => c[1]!["system"]!.GetValue<string>() == FhirSystems.Snomed);
        foreach (var readOnly in codings.Where(c => c.Count == 1))
        {
            var readCode = readOnly[0]!["code"]!.GetValue<string>();
            result.Issues.Should().ContainSingle(i => i.Code == "MICROTEST-UNMAPPED-CODE" && i.Message.Contains("'" + readCode + "'", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SearchAsync_MedicationWithInclude_ReturnsMedicationForEachStatement()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.MedicationStatement, LongRecord, includeMedication: true), CancellationToken.None);

        result.Included.Should().HaveCount(result.Matches.Count);
        result.Included.Should().OnlyContain(m => m.ResourceType == T.Medication);
        var referenced = result.Matches.Select(m => Json(m)["medicationReference"]!["reference"]!.GetValue<string>()).ToList();
        referenced.Should().BeEquivalentTo(result.Included.Select(m => "Medication/" + Json(m)["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SearchAsync_BrokenData_ReportsEachBrokenItemAndMapsTheRest()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.MedicationStatement, BrokenData, includeMedication: true), CancellationToken.None);

        result.Issues.Should().Contain(i => i.Message.Contains("no dm+d drug code", StringComparison.Ordinal));
        result.Issues.Should().Contain(i => i.Message.Contains("not a valid dm+d id", StringComparison.Ordinal));
        result.Issues.Should().Contain(i => i.Code == "MICROTEST-UNMAPPABLE" && i.Message.Contains("start date is not a valid date", StringComparison.Ordinal));
        result.Issues.Should().OnlyContain(i => i.Message.Contains("'M-", StringComparison.Ordinal));
        result.Matches.Should().NotBeEmpty();
        result.Included.Should().Contain(m => Json(m)["code"]!["coding"] == null && Json(m)["code"]!["text"] != null);
    }

    public static TheoryData<string, string[]> DemographicSearches => new()
    {
        { "family=Okonkwo&birthdate=1949-07-05", [LongRecord] },
        { "family=oKoN&birthdate=1949-07-05", [LongRecord] },
        { "family=Hurst&birthdate=1985-08-20", [BrokenData] },
        { "family=Barker&birthdate=1940-11-02", [AllFour] },
        { "family=Okonkwo&birthdate=1949-07-06", [] },
        { "family=Thornton&birthdate=1958-04-12", [] },
    };

    [Theory]
    [MemberData(nameof(DemographicSearches))]
    public async Task SearchAsync_PatientByFamilyAndBirthdate_ReturnsTheMatchesHeldHere(string query, string[] expected)
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.DemographicQuery(T.Patient, query), CancellationToken.None);

        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(expected);
        result.Matches.Where(m => m.ResourceType != T.Patient || m.NativeId != m.PatientNhsNumber).Should().BeEmpty();
        result.Issues.Should().NotContain(i => i.Code == "MICROTEST-NO-DEMOGRAPHIC-SEARCH");
    }

    [Fact]
    public async Task SearchAsync_PatientByFamilyAndBirthdate_SendsSurnameUkDobAndPractice()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();

        await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.DemographicQuery(T.Patient, "family=Okonkwo&birthdate=1949-07-05"), CancellationToken.None);

        recorder.PathsAndQueries.Should().Contain(
            $"/api/v1/patients?surname=Okonkwo&practice={MicrotestAdapterFixture.OdsCode}&limit=50&dob=05%2F07%2F1949");
    }

    [Fact]
    public async Task SearchAsync_PatientByFamilyWithManyMatches_ReturnsTheBoundAndATruncatedWarning()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.DemographicQuery(T.Patient, "family=S&birthdate=ge1900-01-01"), CancellationToken.None);

        result.Matches.Should().HaveCountLessThanOrEqualTo(MicrotestSupplierAdapter.MaxDemographicMatches).And.NotBeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == "MICROTEST-SEARCH-TRUNCATED");
    }

    [Theory]
    [InlineData(T.Patient)]
    [InlineData(T.Condition)]
    public async Task SearchAsync_WithoutAFamily_ReportsNotSupported(string resourceType)
    {
        var sut = fixture.Adapter;
        var query = new SupplierQuery(new Core.Search.SearchRequest { ResourceType = resourceType }, PatientSelector.Demographic);

        var result = await sut.SearchAsync(fixture.Organisation, query, CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == "MICROTEST-NO-DEMOGRAPHIC-SEARCH");
    }

    [Fact]
    public async Task HoldsPatientAsync_HeldAndNotHeld_AnswersEach()
    {
        var sut = fixture.Adapter;
        NhsNumber.TryParse(LongRecord, out var held).Should().BeTrue();
        NhsNumber.TryParse("9990000018", out var elsewhere).Should().BeTrue();

        var holds = await sut.HoldsPatientAsync(fixture.Organisation, held, CancellationToken.None);
        var holdsElsewhere = await sut.HoldsPatientAsync(fixture.Organisation, elsewhere, CancellationToken.None);

        holds.Should().BeTrue();
        holdsElsewhere.Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_ConditionFoundBySearch_ReturnsSameResource()
    {
        var sut = fixture.Adapter;
        var search = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, AllFour), CancellationToken.None);
        var first = search.Matches[0];

        var read = await sut.ReadAsync(fixture.Organisation, T.Condition, first.NativeId, CancellationToken.None);

        read.Resource.Should().NotBeNull();
        JsonNode.DeepEquals(RetrievalTime.Without(Json(read.Resource!)), RetrievalTime.Without(Json(first))).Should().BeTrue();
        RetrievalTime.Of(Json(read.Resource!)).Should().BeOnOrAfter(RetrievalTime.Of(Json(first))!.Value);
    }

    [Fact]
    public async Task ReadAsync_OrganizationAndPatient_ReturnsBoth()
    {
        var sut = fixture.Adapter;

        var organisation = await sut.ReadAsync(fixture.Organisation, T.Organization, MicrotestAdapterFixture.OdsCode, CancellationToken.None);
        var patient = await sut.ReadAsync(fixture.Organisation, T.Patient, AllFour, CancellationToken.None);

        Json(organisation.Resource!)["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(MicrotestAdapterFixture.OdsCode);
        Json(patient.Resource!)["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(AllFour);
    }

    [Fact]
    public async Task SearchAsync_TokenExpired_FetchesNewTokenOnceAndRetries()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();
        await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, AllFour), CancellationToken.None);
        fixture.SimulatorClock.Advance(TimeSpan.FromHours(2));
        recorder.Clear();

        var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, AllFour), CancellationToken.None);

        result.Matches.Should().ContainSingle();
        recorder.TokenRequests.Should().Be(1);
        recorder.ApiCalls.Select(c => (int)c.Status).Should().Equal(401, 200);
    }

    [Fact]
    public async Task SearchAsync_ValidToken_IsReusedAcrossCalls()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();

        await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, AllFour), CancellationToken.None);
        await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, AllFour), CancellationToken.None);

        recorder.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task SearchAsync_TokenAlwaysRejected_RefreshesOnceThenFailsUnauthorized()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();
        const string patient = "9990000042";
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.TokenRejected, patient), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, patient), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unauthorized);
            recorder.TokenRequests.Should().Be(2);
            recorder.ApiCalls.Should().HaveCount(2);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_ServerError_RetriesThenFailsUnavailable()
    {
        var recorder = new RecordingHandler();
        await using var services = fixture.CreateServices(Settings(), recorder);
        var sut = services.GetRequiredService<ISupplierAdapter>();
        const string patient = "9990000107";
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Error(503, patient), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, patient), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
            recorder.ApiCalls.Should().HaveCount(2).And.OnlyContain(c => (int)c.Status == 503);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_MalformedPayload_FailsMalformed()
    {
        var sut = fixture.Adapter;
        const string patient = "9990000050";
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.MalformedPayload, patient), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, patient), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_WrongPatientAnswered_WithholdsTheRecordWithAPatientMismatchWarning()
    {
        var sut = fixture.Adapter;
        const string patient = "9990000042";
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, patient), CancellationToken.None);
        try
        {
            var result = await sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Patient, patient), CancellationToken.None);

            result.Matches.Should().BeEmpty();
            result.Issues.Should().ContainSingle().Which.Code.Should().Be(PatientMismatch.Code);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Suppliers:Microtest:ClientId"] = "fhirfacade",
            ["Suppliers:Microtest:ClientSecret"] = "microtest-dev-secret",
            ["Suppliers:Microtest:RetryDelay"] = "00:00:00",
            ["Suppliers:Microtest:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in overrides)
        {
            settings["Suppliers:Microtest:" + key] = value;
        }

        return settings;
    }

    private static JsonNode Json(SupplierResource resource) => JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.Resource))!;
}
