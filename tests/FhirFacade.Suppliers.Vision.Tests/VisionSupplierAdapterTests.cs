using System.Text.Json.Nodes;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using static FhirFacade.Suppliers.Vision.Tests.VisionTestPatients;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>The adapter over the real Vision simulator on loopback (HL7 v2.5 over MLLP): every resource type and read.</summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>
{
    public static TheoryData<string, string> SearchableTypes => new()
    {
        { T.Patient, UkCoreProfiles.Patient },
        { T.Condition, UkCoreProfiles.Condition },
        { T.AllergyIntolerance, UkCoreProfiles.AllergyIntolerance },
        { T.MedicationStatement, UkCoreProfiles.MedicationStatement },
    };

    public static TheoryData<string> ItemTypes => new() { T.Condition, T.AllergyIntolerance, T.MedicationStatement };

    [Theory]
    [MemberData(nameof(SearchableTypes))]
    public async Task SearchAsync_EachResourceType_ReturnsResourcesWithProfileSourceAndIds(string resourceType, string profile)
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(resourceType, Rich), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        foreach (var match in result.Matches)
        {
            var json = Json(match);
            json["resourceType"]!.GetValue<string>().Should().Be(resourceType);
            json["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(profile);
            json["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:vision:C83001");
            match.PatientNhsNumber.Should().Be(Rich);
            TestResourceIds.Codec.TryDecode(resourceType, json["id"]!.GetValue<string>(), out var id).Should().BeTrue();
            id!.Supplier.Should().Be("vision");
            id.Organisation.Should().Be("C83001");
            id.NativeId.Should().Be(match.NativeId);
        }
    }

    [Fact]
    public async Task SearchAsync_Patient_MapsDemographicsFromPidPd1()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);

        var json = Json(result.Matches.Single());
        json["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(Rich);
        json["name"]![0]!["family"]!.GetValue<string>().Should().Be("Ellwood");
        json["birthDate"]!.GetValue<string>().Should().Be("1981-01-23");
        json["gender"]!.GetValue<string>().Should().Be("female");
        json["address"]![0]!["postalCode"]!.GetValue<string>().Should().Be("LN2 1PX");
        json["telecom"]!.AsArray().Select(t => t!["system"]!.GetValue<string>()).Should().Contain(["phone", "email"]);
        json["generalPractitioner"]!.AsArray().Select(r => r!["reference"]!.GetValue<string>()).Should()
            .Contain(r => r.StartsWith("Organization/", StringComparison.Ordinal)).And.Contain(r => r.StartsWith("Practitioner/", StringComparison.Ordinal));
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_Condition_KeepsReadV2AndAddsSnomedAndUnescapesNotes()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Condition, Rich), CancellationToken.None);

        var codings = result.Matches.Select(m => Json(m)["code"]!["coding"]!.AsArray()).ToList();
        codings.Should().OnlyContain(c => c.Count == 2 && c[0]!["system"]!.GetValue<string>() == FhirSystems.ReadV2 && c[1]!["system"]!.GetValue<string>() == FhirSystems.Snomed);
        var asthma = result.Matches.Select(Json).Single(j => j["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "H33..");
        asthma["note"]![0]!["text"]!.GetValue<string>().Should().Be("Peak flow 350|400 L/min; triggers: cats & dogs ^ pollen ~ exercise \\ cold air");
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_AllergyIntolerance_MapsPeanutAnaphylaxis()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.AllergyIntolerance, Rich), CancellationToken.None);

        var peanut = result.Matches.Select(Json).Single(j => j["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "256349002");
        peanut["reaction"]![0]!["manifestation"]![0]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("39579001");
        peanut["reaction"]![0]!["severity"]!.GetValue<string>().Should().Be("severe");
        peanut["note"]![0]!["text"]!.GetValue<string>().Should().Be("Carries adrenaline auto-injectors | 2 devices & action plan");
    }

    [Fact]
    public async Task SearchAsync_NoKnownAllergiesPatient_ReturnsTheSingleNkaEntry()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Brookside, VisionAdapterFixture.Query(T.AllergyIntolerance, NoKnownAllergies), CancellationToken.None);

        var json = Json(result.Matches.Should().ContainSingle().Subject);
        json["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("716186003");
        json["code"]!["coding"]![0]!["system"]!.GetValue<string>().Should().Be(FhirSystems.Snomed);
        json["type"].Should().BeNull();
        json["clinicalStatus"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("active");
        json["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:vision:C83002");
    }

    [Fact]
    public async Task SearchAsync_MedicationWithInclude_ReturnsMedicationForEachStatement()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.MedicationStatement, Rich, includeMedication: true), CancellationToken.None);

        result.Included.Should().HaveCount(result.Matches.Count).And.OnlyContain(m => m.ResourceType == T.Medication);
        var referenced = result.Matches.Select(m => Json(m)["medicationReference"]!["reference"]!.GetValue<string>()).ToList();
        referenced.Should().BeEquivalentTo(result.Included.Select(m => "Medication/" + Json(m)["id"]!.GetValue<string>()));
        result.Included.Select(Json).Should().OnlyContain(m => m["code"]!["coding"]![0]!["system"]!.GetValue<string>() == FhirSystems.Dmd);
    }

    [Fact]
    public async Task SearchAsync_MedicationWithoutInclude_StillReturnsEveryMedicationForTheMerge()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.MedicationStatement, Rich), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        result.Included.Should().HaveCount(result.Matches.Count);
    }

    [Fact]
    public async Task SearchAsync_PatientHeldAtTheOtherVisionPractice_ReturnsNothing()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Brookside, VisionAdapterFixture.Query(T.Condition, Rich), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_PatientNotHeldByVision_ReturnsNotHeld()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Emis), CancellationToken.None);

        result.Should().BeSameAs(SupplierSearchResult.NotHeld);
    }

    public static TheoryData<string, string, string[]> DemographicSearches => new()
    {
        { "C83001", "family=Ellwood&birthdate=1981-01-23", [Rich] },
        { "C83001", "family=eLLw&birthdate=1981-01-23", [Rich] },
        { "C83001", "family=Ellwood&birthdate=1981-01-24", [] },
        { "C83002", "family=Ellwood&birthdate=1981-01-23", [] },
        { "C83002", "family=Lomas&birthdate=2001-05-27", [NoKnownAllergies] },
    };

    [Theory]
    [MemberData(nameof(DemographicSearches))]
    public async Task SearchAsync_ByFamilyAndBirthdate_ReturnsThePatientsHeldThere(string odsCode, string criteria, string[] expected)
    {
        var sut = fixture.Adapter;
        var organisation = odsCode == "C83001" ? fixture.Oakfield : fixture.Brookside;

        var result = await sut.SearchAsync(organisation, DemographicQuery(criteria), CancellationToken.None);

        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(expected);
        result.Matches.Select(m => Json(m)["meta"]!["profile"]![0]!.GetValue<string>()).Where(p => p != UkCoreProfiles.Patient).Should().BeEmpty();
        result.Issues.Should().NotContain(i => i.Code == "VISION-NO-DEMOGRAPHIC-SEARCH");
    }

    [Fact]
    public async Task SearchAsync_ByCommonFamilyPrefix_ReturnsAtMostFiftyAndWarnsTruncated()
    {
        var sut = fixture.Adapter;

        var result = await sut.SearchAsync(fixture.Oakfield, DemographicQuery("family=S&birthdate=ge1900-01-01"), CancellationToken.None);

        result.Matches.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(50);
        result.Matches.Should().OnlyContain(m => Json(m)["name"]![0]!["family"]!.GetValue<string>().StartsWith("S", StringComparison.OrdinalIgnoreCase)
            || Json(m)["name"]!.AsArray().Count > 1);
        result.Issues.Should().ContainSingle(i => i.Code == "VISION-SEARCH-TRUNCATED");
    }

    [Theory]
    [InlineData("")]
    [InlineData("family:exact=Ellwood&birthdate=1981-01-23")]
    public async Task SearchAsync_WithoutUsableFamily_ReportsNotSupported(string criteria)
    {
        var sut = fixture.Adapter;
        var query = criteria.Length == 0 ? new SupplierQuery(new SearchRequest { ResourceType = T.Patient }, PatientSelector.Demographic) : DemographicQuery(criteria);

        var result = await sut.SearchAsync(fixture.Oakfield, query, CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == "VISION-NO-DEMOGRAPHIC-SEARCH");
    }

    public static TheoryData<string, string?> BirthDates => new()
    {
        { "family=Ellwood&birthdate=1981-01-23", "19810123" },
        { "family=Ellwood&birthdate=eq1981-01-23", "19810123" },
        { "family=Ellwood&birthdate=1981-01", null },
        { "family=Ellwood&birthdate=ge1981-01-23", null },
        { "family=Ellwood&birthdate=1981-01-23&birthdate=1981-01-24", null },
        { "_id=abc", null },
    };

    [Theory]
    [MemberData(nameof(BirthDates))]
    [Trait("Category", "Unit")]
    public void ExactBirthDate_Criteria_ReturnsDayOrNull(string criteria, string? expected)
    {
        var request = ParseCriteria(criteria);

        var date = VisionSupplierAdapter.ExactBirthDate(request);

        date.Should().Be(expected);
    }

    private static SearchRequest ParseCriteria(string criteria) =>
        SearchRequestParser.Parse(T.Patient, criteria.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])), strict: false, TestResourceIds.Codec);

    private static SupplierQuery DemographicQuery(string criteria) => new(ParseCriteria(criteria), PatientSelector.Demographic);

    [Fact]
    public async Task HoldsPatientAsync_HeldElsewhereAndNotHeld_AnswersEach()
    {
        var sut = fixture.Adapter;

        var atOakfield = await sut.HoldsPatientAsync(fixture.Oakfield, Parse(Rich), CancellationToken.None);
        var atBrookside = await sut.HoldsPatientAsync(fixture.Brookside, Parse(Rich), CancellationToken.None);
        var allFour = await sut.HoldsPatientAsync(fixture.Brookside, Parse(AllFour), CancellationToken.None);
        var emis = await sut.HoldsPatientAsync(fixture.Oakfield, Parse(Emis), CancellationToken.None);
        var outsideWorld = await sut.HoldsPatientAsync(fixture.Oakfield, Parse("4010232137"), CancellationToken.None);

        atOakfield.Should().BeTrue();
        atBrookside.Should().BeFalse();
        allFour.Should().BeTrue();
        emis.Should().BeFalse();
        outsideWorld.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(ItemTypes))]
    public async Task ReadAsync_ItemFoundBySearch_ReturnsTheSameResource(string resourceType)
    {
        var sut = fixture.Adapter;
        var first = (await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(resourceType, Rich), CancellationToken.None)).Matches[0];

        var read = await sut.ReadAsync(fixture.Oakfield, resourceType, first.NativeId, CancellationToken.None);

        JsonNode.DeepEquals(RetrievalTime.Without(Json(read.Resource!)), RetrievalTime.Without(Json(first))).Should().BeTrue();
        RetrievalTime.Of(Json(read.Resource!)).Should().BeOnOrAfter(RetrievalTime.Of(Json(first))!.Value);
    }

    [Fact]
    public async Task ReadAsync_IncludedMedication_ReturnsTheSameResource()
    {
        var sut = fixture.Adapter;
        var medication = (await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.MedicationStatement, Rich, includeMedication: true), CancellationToken.None)).Included[0];

        var read = await sut.ReadAsync(fixture.Oakfield, T.Medication, medication.NativeId, CancellationToken.None);

        JsonNode.DeepEquals(RetrievalTime.Without(Json(read.Resource!)), RetrievalTime.Without(Json(medication))).Should().BeTrue();
    }

    [Fact]
    public async Task ReadAsync_PatientOrganizationAndUsualGp_ReturnsEach()
    {
        var sut = fixture.Adapter;

        var patient = await sut.ReadAsync(fixture.Oakfield, T.Patient, Rich, CancellationToken.None);
        var organisation = await sut.ReadAsync(fixture.Oakfield, T.Organization, "C83001", CancellationToken.None);
        var gpReference = Json(patient.Resource!)["generalPractitioner"]!.AsArray().Select(r => r!["reference"]!.GetValue<string>()).Single(r => r.StartsWith("Practitioner/", StringComparison.Ordinal));
        TestResourceIds.Codec.TryDecode(T.Practitioner, gpReference["Practitioner/".Length..], out var gpId).Should().BeTrue();
        var practitioner = await sut.ReadAsync(fixture.Oakfield, T.Practitioner, gpId!.NativeId, CancellationToken.None);

        Json(patient.Resource!)["identifier"]![0]!["value"]!.GetValue<string>().Should().Be(Rich);
        Json(organisation.Resource!)["name"]!.GetValue<string>().Should().Be("Oakfield Surgery");
        var gp = Json(practitioner.Resource!);
        gp["identifier"]!.AsArray().Select(i => i!["system"]!.GetValue<string>()).Should().Equal(UkCoreSystems.SdsUserId, UkCoreSystems.GmcNumber);
        gp["meta"]!["profile"]![0]!.GetValue<string>().Should().Be(UkCoreProfiles.Practitioner);
    }

    [Theory]
    [InlineData(T.Condition, Rich + "/P999999")]
    [InlineData(T.AllergyIntolerance, Rich + "/A999999")]
    [InlineData(T.MedicationStatement, Rich + "/M999999")]
    [InlineData(T.Practitioner, Rich + "/999999999999")]
    [InlineData(T.Condition, "no-slash")]
    [InlineData(T.Condition, Rich + "/")]
    [InlineData(T.Patient, Emis)]
    [InlineData(T.Organization, "C83002")]
    [InlineData(T.Condition, Emis + "/P1")]
    public async Task ReadAsync_UnknownRecord_ReturnsNotFound(string resourceType, string nativeId)
    {
        var sut = fixture.Adapter;

        var read = await sut.ReadAsync(fixture.Oakfield, resourceType, nativeId, CancellationToken.None);

        read.Resource.Should().BeNull();
    }

    [Fact]
    public async Task SearchAsync_GeneratedPatient_MapsWithoutIssues()
    {
        var sut = fixture.Adapter;
        var (nhs, ods) = GeneratedAtVision(0);
        var organisation = ods == "C83001" ? fixture.Oakfield : fixture.Brookside;

        var conditions = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, nhs), CancellationToken.None);
        var medications = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.MedicationStatement, nhs), CancellationToken.None);

        conditions.Issues.Concat(medications.Issues).Should().BeEmpty();
        conditions.Matches.Concat(medications.Matches).Should().OnlyContain(m => m.PatientNhsNumber == nhs);
    }

    internal static JsonNode Json(SupplierResource resource) => JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.Resource))!;

    private static NhsNumber Parse(string nhs)
    {
        NhsNumber.TryParse(nhs, out var parsed).Should().BeTrue();
        return parsed!;
    }
}
