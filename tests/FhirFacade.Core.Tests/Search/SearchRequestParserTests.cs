using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class SearchRequestParserTests
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|9000000009";
    private static readonly string _patientId = TestResourceIds.Encode("Patient", "emis", "A81001", "P1");
    private static readonly string _conditionId = TestResourceIds.Encode("Condition", "emis", "A81001", "9000000009/C1");

    public static TheoryData<string, string, int, string> Rejected => new()
    {
        { "Patient", "identifier=9000000009", 400, SpineErrorCodes.InvalidIdentifierSystem },
        { "Patient", "identifier=http://example.org|9000000009", 400, SpineErrorCodes.InvalidIdentifierSystem },
        { "Patient", "identifier=https://fhir.nhs.uk/Id/nhs-number|9000000008", 400, SpineErrorCodes.InvalidNhsNumber },
        { "Patient", "identifier=https://fhir.nhs.uk/Id/nhs-number|", 400, SpineErrorCodes.InvalidIdentifierValue },
        { "Patient", "family=Smith", 400, SpineErrorCodes.BadRequest },
        { "Patient", "gender=female", 400, SpineErrorCodes.BadRequest },
        { "Patient", "birthdate=1970", 400, SpineErrorCodes.BadRequest },
        { "Patient", "family=Smith&birthdate=19700101", 400, SpineErrorCodes.InvalidParameter },
        { "Patient", "family=Smith&birthdate=xx1970", 400, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&_count=-1", 400, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&_count=ten", 400, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&family:fuzzy=Smith", 422, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&gender:exact=female", 422, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&_summary=text", 422, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&_include=Patient:organization", 422, SpineErrorCodes.InvalidParameter },
        { "Patient", "identifier=" + Nhs + "&_elements=name.family", 400, SpineErrorCodes.InvalidParameter },
        { "MedicationStatement", "status=active", 400, SpineErrorCodes.BadRequest },
        { "MedicationStatement", "patient.identifier=9000000009", 400, SpineErrorCodes.InvalidIdentifierSystem },
        { "MedicationStatement", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|1234567890", 400, SpineErrorCodes.InvalidNhsNumber },
        { "MedicationStatement", "patient=Encounter/1", 400, SpineErrorCodes.InvalidParameter },
        { "Condition", "patient.identifier=" + Nhs + "&onset-date=zz2020", 400, SpineErrorCodes.InvalidParameter },
        { "AllergyIntolerance", "patient.identifier=" + Nhs + "&patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919", 400, SpineErrorCodes.InvalidParameter },
        { "Condition", "_id=" + _conditionId, 400, SpineErrorCodes.BadRequest },
        { "MedicationStatement", "_id=not-an-id-it-issued", 400, SpineErrorCodes.BadRequest },
        { "AllergyIntolerance", "_id=", 400, SpineErrorCodes.InvalidParameter },
    };

    public static TheoryData<string> ClinicalTypes => new() { "AllergyIntolerance", "Condition", "MedicationStatement" };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Parse_WhenInvalid_ThrowsWithStatusAndSpineCode(string type, string query, int status, string spineCode)
    {
        var act = () => SearchRequestParser.Parse(type, Query(query), strict: false, TestResourceIds.Codec);

        var thrown = act.Should().Throw<FacadeException>().Which;
        thrown.StatusCode.Should().Be(status);
        thrown.Issues.Select(i => i.Detail!.Code).Should().Contain(spineCode);
    }

    [Fact]
    public void Parse_WhenPatientByNhsNumber_SetsPatientSelector()
    {
        var request = SearchRequestParser.Parse("Patient", Query("identifier=" + Nhs), strict: false, TestResourceIds.Codec);

        request.Patient!.NhsNumber!.Value.Value.Should().Be("9000000009");
        request.Count.Should().Be(SearchRequest.DefaultCount);
    }

    [Fact]
    public void Parse_WhenChainedPatientIdentifier_SetsPatientAndKeepsCriterion()
    {
        var request = SearchRequestParser.Parse("MedicationStatement", Query("patient.identifier=" + Nhs + "&status=active"), strict: false, TestResourceIds.Codec);

        request.Patient!.NhsNumber!.Value.Value.Should().Be("9000000009");
        request.Criteria.Select(c => c.QueryName).Should().Equal("patient.identifier", "status");
    }

    [Fact]
    public void Parse_WhenPatientReference_DecodesFacadeId()
    {
        var request = SearchRequestParser.Parse("Condition", Query("patient=Patient/" + _patientId), strict: false, TestResourceIds.Codec);

        request.Patient!.PatientId.Should().Be(new FacadeResourceId("emis", "A81001", "P1"));
    }

    [Fact]
    public void Parse_WhenPatientReferenceIsNotAFacadeId_MatchesNothing()
    {
        var request = SearchRequestParser.Parse("Condition", Query("patient=Patient/unknown"), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeTrue();
    }

    [Fact]
    public void Parse_WhenFamilyAndBirthdate_AllowsDemographicSearch()
    {
        var request = SearchRequestParser.Parse("Patient", Query("family:exact=Smith&birthdate=ge1970-01&given=Jo,Ann"), strict: false, TestResourceIds.Codec);

        request.Patient.Should().BeNull();
        request.Criteria.Should().HaveCount(3);
        request.Criteria[0].Modifier.Should().Be(SearchModifier.Exact);
        request.Criteria[1].Values.Should().ContainSingle().Which.Should().BeOfType<DateSearchValue>().Which.Prefix.Should().Be(DatePrefix.Ge);
        request.Criteria[2].Values.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_WhenTokenForms_ParsesSystemAndCode()
    {
        var request = SearchRequestParser.Parse("Condition", Query("patient.identifier=" + Nhs + "&code=http://snomed.info/sct|195967001,|x,y,http://snomed.info/sct|"), strict: false, TestResourceIds.Codec);

        request.CriteriaFor("code").Single().Values.Should().Equal(
            new TokenSearchValue("http://snomed.info/sct", "195967001", true),
            new TokenSearchValue(null, "x", true),
            new TokenSearchValue(null, "y", false),
            new TokenSearchValue("http://snomed.info/sct", null, true));
    }

    [Fact]
    public void Parse_WhenUnknownParameters_CollectsThemAndLeavesThemOutOfTheCanonicalQuery()
    {
        var request = SearchRequestParser.Parse("Patient", Query("identifier=" + Nhs + "&foo=bar&_sort=name&_format=json"), strict: false, TestResourceIds.Codec);

        request.UnknownParameters.Should().Equal("foo", "_sort");
        request.CanonicalQuery().Should().Be("identifier=https:%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9000000009");
    }

    [Fact]
    public void Parse_WhenUnknownParameterUnderStrictHandling_Throws400()
    {
        var act = () => SearchRequestParser.Parse("Patient", Query("identifier=" + Nhs + "&foo=bar"), strict: true, TestResourceIds.Codec);

        act.Should().Throw<FacadeException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void Parse_WhenCountAboveMaximum_ReducesItAndSaysSo()
    {
        var request = SearchRequestParser.Parse("Patient", Query("identifier=" + Nhs + "&_count=9999"), strict: false, TestResourceIds.Codec);

        request.Count.Should().Be(SearchRequest.MaxCount);
        request.Issues.Should().ContainSingle(i => i.Code == "SEARCH-COUNT-MAX");
    }

    [Fact]
    public void Parse_WhenResultParameters_KeepsThemInTheCanonicalQuery()
    {
        var request = SearchRequestParser.Parse("MedicationStatement", Query("patient.identifier=" + Nhs + "&_summary=data&_elements=status,subject&_include=MedicationStatement:medication"), strict: false, TestResourceIds.Codec);

        request.Summary.Should().Be(SummaryMode.Data);
        request.Elements.Should().Equal("status", "subject");
        request.IncludesMedication.Should().BeTrue();
        request.CanonicalQuery().Should().EndWith("&_summary=data&_elements=status%2Csubject&_include=MedicationStatement:medication");
    }

    [Theory]
    [MemberData(nameof(ClinicalTypes))]
    public void Parse_WhenIdOfTheTypeWithPatient_KeepsEachIssuedIdAsAnAlternative(string type)
    {
        var first = TestResourceIds.Encode(type, "emis", "A81001", "9000000009/X1");
        var second = TestResourceIds.Encode(type, "tpp", "B82001", "9000000009/X2");

        var request = SearchRequestParser.Parse(type, Query("patient.identifier=" + Nhs + "&_id=" + first + "," + second), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeFalse();
        request.CriteriaFor("_id").Single().Values.Should().Equal(new TokenSearchValue(null, first, false), new TokenSearchValue(null, second, false));
        request.CanonicalQuery().Should().Contain("_id=" + first + "%2C" + second);
    }

    [Theory]
    [MemberData(nameof(ClinicalTypes))]
    public void Parse_WhenIdIsNotIssuedForTheType_MatchesNothingButStillNeedsThePatient(string type)
    {
        var otherType = TestResourceIds.Encode(type == "Condition" ? "AllergyIntolerance" : "Condition", "emis", "A81001", "9000000009/X1");

        var request = SearchRequestParser.Parse(type, Query("patient.identifier=" + Nhs + "&_id=" + otherType + ",not-an-id"), strict: false, TestResourceIds.Codec);
        var withoutPatient = () => SearchRequestParser.Parse(type, Query("_id=" + otherType), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeTrue();
        request.Patient!.NhsNumber!.Value.Value.Should().Be("9000000009");
        withoutPatient.Should().Throw<FacadeException>().Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public void Parse_WhenOneIdOfSeveralIsIssued_SearchesForThatOne()
    {
        var request = SearchRequestParser.Parse("Condition", Query("patient.identifier=" + Nhs + "&_id=not-an-id," + _conditionId), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeFalse();
        request.CriteriaFor("_id").Single().Values.Should().Equal(new TokenSearchValue(null, _conditionId, false));
    }

    [Fact]
    public void Parse_WhenPatientIdAmongIdsNotIssued_NamesThatPatient()
    {
        var request = SearchRequestParser.Parse("Patient", Query("_id=not-an-id," + _patientId), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeFalse();
        request.Patient!.PatientId.Should().Be(new FacadeResourceId("emis", "A81001", "P1"));
    }

    [Fact]
    public void Parse_WhenPatientIdIsOfAnotherType_MatchesNothing()
    {
        var request = SearchRequestParser.Parse("Patient", Query("_id=" + _conditionId), strict: false, TestResourceIds.Codec);

        request.MatchesNothing.Should().BeTrue();
        request.Patient.Should().BeNull();
    }

    private static List<KeyValuePair<string, string>> Query(string query) =>
        [.. query.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p.Length > 1 ? p[1] : string.Empty))];
}
