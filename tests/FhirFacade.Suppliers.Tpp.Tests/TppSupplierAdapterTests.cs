using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>The adapter over the real simulated SystmOne JSON API. Fault tests use their own patients so order never matters.</summary>
[Trait("Category", "Integration")]
public sealed class TppSupplierAdapterTests(TppSimulatorFixture fixture) : IClassFixture<TppSimulatorFixture>
{
    private const string Benjamin = "9990000026";
    private const string Georgina = "9990000077";
    private const string Ian = "9990000093";
    private const string Mabel = "9990000131";
    private const string Eleanor = "9990000050";

    public static TheoryData<string> SearchableTypes => new()
    {
        FhirResourceTypes.Patient,
        FhirResourceTypes.Condition,
        FhirResourceTypes.AllergyIntolerance,
        FhirResourceTypes.MedicationStatement,
    };

    [Fact]
    public async Task HoldsPatient_PatientRegisteredThere_ReturnsTrue()
    {
        var holds = await fixture.Adapter.HoldsPatientAsync(fixture.Moorland, Nhs(Benjamin), CancellationToken.None);

        holds.Should().BeTrue();
    }

    [Fact]
    public async Task HoldsPatient_PatientHeldAtAnotherUnit_ReturnsFalse()
    {
        var holds = await fixture.Adapter.HoldsPatientAsync(fixture.CastleStreet, Nhs(Benjamin), CancellationToken.None);

        holds.Should().BeFalse();
    }

    [Fact]
    public async Task HoldsPatient_UnitWithSharingOff_ReturnsTrueSoTheRefusalIsReported()
    {
        var holds = await fixture.Adapter.HoldsPatientAsync(fixture.CastleStreet, Nhs(Ian), CancellationToken.None);

        holds.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(SearchableTypes))]
    public async Task Search_ByNhsNumber_ReturnsResourcesOfTheTypeWithProfileAndSource(string resourceType)
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(resourceType, Benjamin), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        result.Matches.Should().OnlyContain(r => r.ResourceType == resourceType && r.PatientNhsNumber == Benjamin && r.Version != null);
        foreach (var match in result.Matches)
        {
            Value(match.Resource, "meta", "source").Should().Be("urn:fhirfacade:source:tpp:B82005");
            Value(match.Resource, "meta", "profile").Should().StartWith("https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + resourceType);
            var id = Value(match.Resource, "id");
            TestResourceIds.Codec.TryDecode(resourceType, id, out var decoded).Should().BeTrue();
            decoded!.Should().Be(new FacadeResourceId("tpp", "B82005", match.NativeId));
        }
    }

    [Fact]
    public async Task Search_Patient_MapsDemographics()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Patient, Benjamin), CancellationToken.None);

        var patient = result.Matches.Should().ContainSingle().Subject.Resource;
        Value(patient, "identifier", "value").Should().Be(Benjamin);
        Value(patient, "name", "given").Should().Be("Benjamin");
        Value(patient, "name", "family").Should().Be("Hartley");
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_Condition_KeepsUnmappedCtv3AndReportsIt()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Condition, Benjamin), CancellationToken.None);

        var codings = result.Matches.Select(m => m.Resource.ChildrenNamed("code").Single().ChildrenNamed("coding").Select(c => Value(c, "system") + "|" + Value(c, "code")).ToList()).ToList();
        codings.Should().Contain(c => c.Contains("http://read.info/ctv3|F26..") && c.Count == 1);
        codings.Where(c => !c.Contains("http://read.info/ctv3|F26..") && !c.Contains("http://read.info/ctv3|H27.."))
            .Should().OnlyContain(c => c.Any(s => s.StartsWith("http://snomed.info/sct|", StringComparison.Ordinal)) && c.Any(s => s.StartsWith("http://read.info/ctv3|", StringComparison.Ordinal)));
        result.Issues.Should().Contain(i => i.Code == "TPP-UNMAPPED-CODE" && i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public async Task Search_MedicationStatementWithInclude_ReturnsOneMedicationPerStatement()
    {
        var request = new SearchRequest
        {
            ResourceType = FhirResourceTypes.MedicationStatement,
            Includes = [FhirResourceTypes.MedicationStatementMedicationInclude],
        };

        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, new SupplierQuery(request, new PatientSelector(Nhs(Benjamin), null)), CancellationToken.None);

        result.Included.Should().HaveCount(result.Matches.Count);
        result.Included.Should().OnlyContain(r => r.ResourceType == FhirResourceTypes.Medication);
        result.Matches.Select(m => Value(m.Resource, "medication", "reference"))
            .Should().BeEquivalentTo(result.Included.Select(i => "Medication/" + Value(i.Resource, "id")));
    }

    [Fact]
    public async Task Search_DeceasedPatient_MapsDateOfDeath()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Patient, Mabel), CancellationToken.None);

        Value(result.Matches.Should().ContainSingle().Subject.Resource, "deceased").Should().Be("2025-03-14");
    }

    [Fact]
    public async Task Search_SharingSwitchedOff_ThrowsSupplierRefusal()
    {
        var act = () => fixture.Adapter.SearchAsync(fixture.CastleStreet, Query(FhirResourceTypes.Condition, Ian), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Refused);
    }

    [Fact]
    public async Task Search_AreaTheUnitDoesNotShare_ReturnsNothingWithWithheldWarning()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Northshire, Query(FhirResourceTypes.Condition, Eleanor), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == SharingIssues.AreaWithheldCode && i.Severity == IssueSeverity.Warning && i.Message.Contains("problems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_RowInAreaTheUnitDoesNotShare_Refuses403()
    {
        var act = () => fixture.Adapter.ReadAsync(fixture.Northshire, FhirResourceTypes.Condition, Eleanor + "/1", CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(403);
        thrown.Issues.Should().ContainSingle().Which.Code.Should().Be(SharingIssues.AreaWithheldCode);
    }

    [Fact]
    public async Task Search_SharedAreaAtCommunityUnit_ReturnsItsRecord()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Northshire, Query(FhirResourceTypes.MedicationStatement, Eleanor), CancellationToken.None);

        result.Matches.Should().NotBeEmpty().And.OnlyContain(r => Value(r.Resource, "meta", "source") == "urn:fhirfacade:source:tpp:RY801");
    }

    [Fact]
    public async Task Search_PatientNotHeldThere_ReturnsEmpty()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.CastleStreet, Query(FhirResourceTypes.Condition, Benjamin), CancellationToken.None);

        result.Matches.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_SensitivePatient_RefusesAsPatientNotFound()
    {
        var search = () => fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Patient, Georgina), CancellationToken.None);

        var refusal = await search.Should().ThrowAsync<PatientRestrictedException>();
        refusal.Which.StatusCode.Should().Be(404);
        refusal.Which.Issues.Should().ContainSingle().Which.Detail!.Code.Should().Be("PATIENT_NOT_FOUND");
    }

    [Fact]
    public async Task Read_EveryResourceTypeFoundBySearch_ReturnsTheSameResource()
    {
        foreach (var type in new[] { FhirResourceTypes.Condition, FhirResourceTypes.AllergyIntolerance, FhirResourceTypes.MedicationStatement })
        {
            var found = (await fixture.Adapter.SearchAsync(fixture.Moorland, Query(type, Benjamin), CancellationToken.None)).Matches[0];

            var read = await fixture.Adapter.ReadAsync(fixture.Moorland, type, found.NativeId, CancellationToken.None);

            read.Resource.Should().NotBeNull(type);
            Value(read.Resource!.Resource, "id").Should().Be(Value(found.Resource, "id"));
        }
    }

    [Fact]
    public async Task Read_PatientMedicationOrganizationAndPractitioner_AreFound()
    {
        var statement = (await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.MedicationStatement, Benjamin), CancellationToken.None)).Matches[0];
        var patient = (await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Patient, Benjamin), CancellationToken.None)).Matches[0];
        var gpReference = patient.Resource.ChildrenNamed("generalPractitioner").Select(r => Value(r, "reference")).Single(r => r.StartsWith("Practitioner/", StringComparison.Ordinal));
        TestResourceIds.Codec.TryDecode(FhirResourceTypes.Practitioner, gpReference["Practitioner/".Length..], out var gpId).Should().BeTrue();

        var reads = new[]
        {
            await fixture.Adapter.ReadAsync(fixture.Moorland, FhirResourceTypes.Patient, Benjamin, CancellationToken.None),
            await fixture.Adapter.ReadAsync(fixture.Moorland, FhirResourceTypes.Medication, statement.NativeId, CancellationToken.None),
            await fixture.Adapter.ReadAsync(fixture.Moorland, FhirResourceTypes.Organization, "B82005", CancellationToken.None),
            await fixture.Adapter.ReadAsync(fixture.Moorland, FhirResourceTypes.Practitioner, gpId!.NativeId, CancellationToken.None),
        };

        reads.Select(r => r.Resource?.ResourceType).Should().Equal(FhirResourceTypes.Patient, FhirResourceTypes.Medication, FhirResourceTypes.Organization, FhirResourceTypes.Practitioner);
        Value(reads[2].Resource!.Resource, "name").Should().Be("Moorland Health Centre");
    }

    [Theory]
    [InlineData("Condition", "9990000026/1")]
    [InlineData("Condition", "not-a-row-id")]
    [InlineData("Organization", "A81001")]
    [InlineData("Patient", "9990000017")]
    public async Task Read_UnknownNativeId_ReturnsNotFound(string resourceType, string nativeId)
    {
        var read = await fixture.Adapter.ReadAsync(fixture.Moorland, resourceType, nativeId, CancellationToken.None);

        read.Resource.Should().BeNull();
    }

    [Fact]
    public async Task Search_ServerError_ThrowsUnavailable()
    {
        var nhs = GeneratedPatients.At("B82005", 0);
        fixture.Simulator.Faults.Set(FaultSpec.Error(503, nhs));
        try
        {
            var act = () => fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Condition, nhs), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
        }
        finally
        {
            fixture.Simulator.Faults.Clear(FaultKind.ErrorStatus);
        }
    }

    [Fact]
    public async Task Search_MalformedPayload_ThrowsMalformed()
    {
        var nhs = GeneratedPatients.At("B82005", 1);
        fixture.Simulator.Faults.Set(FaultSpec.Of(FaultKind.MalformedPayload, nhs));
        try
        {
            var act = () => fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Condition, nhs), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
        }
        finally
        {
            fixture.Simulator.Faults.Clear(FaultKind.MalformedPayload);
        }
    }

    [Fact]
    public async Task Search_WrongPatientAnswer_WithholdsTheRecordWithAPatientMismatchWarning()
    {
        var nhs = GeneratedPatients.At("B82005", 2);
        fixture.Simulator.Faults.Set(FaultSpec.Of(FaultKind.WrongPatient, nhs));
        try
        {
            var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Patient, nhs), CancellationToken.None);

            result.Matches.Should().BeEmpty();
            result.Issues.Should().ContainSingle().Which.Code.Should().Be(PatientMismatch.Code);
        }
        finally
        {
            fixture.Simulator.Faults.Clear(FaultKind.WrongPatient);
        }
    }

    [Fact]
    public async Task Search_ConnectionRefused_ThrowsUnavailable()
    {
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), CancellationToken.None);
        try
        {
            var act = () => fixture.Adapter.SearchAsync(fixture.Moorland, Query(FhirResourceTypes.Condition, Benjamin), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WrongApiKey_ThrowsUnauthorized()
    {
        var organisation = fixture.Moorland;
        organisation.Credentials["ApiKey"] = "wrong";

        var act = () => fixture.Adapter.SearchAsync(organisation, Query(FhirResourceTypes.Condition, Benjamin), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unauthorized);
    }

    public static TheoryData<string, string[]> DemographicSearches => new()
    {
        { "family=Hartley&birthdate=1972-09-30", [Benjamin] },
        { "family=hart&birthdate=1972-09-30", [Benjamin] },
        { "family=Hartley&birthdate=1972-10-01", [] },
        { "family=Pike&birthdate=1990-06-18", [] },
    };

    [Theory]
    [MemberData(nameof(DemographicSearches))]
    public async Task Search_PatientByFamilyAndBirthdate_ReturnsShareableMatches(string criteria, string[] expected)
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Demographic(criteria), CancellationToken.None);

        result.Matches.Select(m => m.NativeId).Should().Equal(expected);
        result.Matches.Select(m => (m.ResourceType, Value(m.Resource, "name", "family"))).Should().Equal(expected.Select(_ => (FhirResourceTypes.Patient, "Hartley")));
    }

    [Fact]
    public async Task Search_PatientByFamilyOnly_ReturnsEveryMatchAtTheUnitWithoutTheSensitivePatient()
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Demographic("family=P&birthdate=ge1900-01-01"), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        result.Matches.Select(m => m.NativeId).Should().NotContain(Georgina);
        result.Matches.Should().OnlyContain(m => m.Resource.ChildrenNamed("name").SelectMany(n => n.ChildrenNamed("family")).Any(f => (f.Text ?? string.Empty).StartsWith('P')));
    }

    [Fact]
    public async Task Search_PatientByFamilyAtUnitWithSharingOff_ThrowsSupplierRefusal()
    {
        var act = () => fixture.Adapter.SearchAsync(fixture.CastleStreet, Demographic("family=Sutcliffe&birthdate=1978-12-01"), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Refused);
    }

    [Theory]
    [InlineData("family:exact=Hartley&birthdate=1972-09-30")]
    [InlineData("family:contains=artle&birthdate=1972-09-30")]
    public async Task Search_PatientWithoutPlainFamily_ReturnsNotSupportedInformation(string criteria)
    {
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Demographic(criteria), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == "TPP-NO-DEMOGRAPHIC-SEARCH" && i.Severity == IssueSeverity.Information);
    }

    [Fact]
    public async Task Search_ConditionWithoutPatient_ReturnsNotSupportedInformation()
    {
        var query = new SupplierQuery(new SearchRequest { ResourceType = FhirResourceTypes.Condition }, PatientSelector.Demographic);

        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, query, CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle(i => i.Code == "TPP-NO-DEMOGRAPHIC-SEARCH");
    }

    private static NhsNumber Nhs(string value) => NhsNumber.TryParse(value, out var nhs) ? nhs : throw new ArgumentException("Invalid NHS number.", nameof(value));

    private static SupplierQuery Query(string resourceType, string nhsNumber) =>
        new(new SearchRequest { ResourceType = resourceType }, new PatientSelector(Nhs(nhsNumber), null));

    private static SupplierQuery Demographic(string criteria) =>
        new(SearchRequestParser.Parse(FhirResourceTypes.Patient, criteria.Split('&').Select(p => p.Split('=')).Select(p => KeyValuePair.Create(p[0], p[1])), strict: false, TestResourceIds.Codec), PatientSelector.Demographic);

    private static string Value(ElementNode node, params string[] path)
    {
        var current = node;
        foreach (var name in path)
        {
            current = current.ChildrenNamed(name).First();
        }

        return current.Text ?? string.Empty;
    }
}
