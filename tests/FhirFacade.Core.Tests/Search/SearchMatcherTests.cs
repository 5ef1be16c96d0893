using FhirFacade.Core.Search;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class SearchMatcherTests
{
    private static readonly DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string _conditionId = TestResourceIds.Encode("Condition", "emis", "A81001", "9000000009/C1");
    private static readonly string _otherConditionId = TestResourceIds.Encode("Condition", "emis", "A81001", "9000000009/C2");

    public static TheoryData<string, bool> ConditionCases => new()
    {
        { "clinical-status=active", true },
        { "clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|active", true },
        { "clinical-status=http://other|active", false },
        { "clinical-status=resolved,active", true },
        { "clinical-status=resolved", false },
        { "code=http://snomed.info/sct|195967001", true },
        { "code=|195967001", false },
        { "code=http://snomed.info/sct|", true },
        { "onset-date=2019", true },
        { "onset-date=lt2019-06", true },
        { "onset-date=gt2019-06", true },
        { "onset-date=sa2019-06", false },
        { "onset-date=eb2020", true },
        { "category=problem-list-item", true },
        { "_id=" + _conditionId, true },
        { "_id=" + _otherConditionId + "," + _conditionId, true },
        { "_id=" + _otherConditionId, false },
    };

    [Theory]
    [MemberData(nameof(ConditionCases))]
    public void Matches_OnCondition_ReturnsExpected(string query, bool expected)
    {
        var parts = query.Split('=', 2);
        var request = SearchRequestParser.Parse("Condition", [KeyValuePair.Create("patient.identifier", "https://fhir.nhs.uk/Id/nhs-number|9000000009"), KeyValuePair.Create(parts[0], parts[1])], strict: false, TestResourceIds.Codec);

        var matches = SearchMatcher.Matches(Condition(), request.Criteria[1], _now);

        matches.Should().Be(expected);
    }

    public static TheoryData<string, bool> PatientNameCases => new()
    {
        { "family=smi", true },
        { "family=mit", false },
        { "family:contains=mit", true },
        { "family:exact=Smith", true },
        { "family:exact=smith", false },
        { "given=Ja", true },
        { "given=Ann", true },
    };

    [Theory]
    [MemberData(nameof(PatientNameCases))]
    public void Matches_OnPatientNames_ReturnsExpected(string query, bool expected)
    {
        var parts = query.Split('=', 2);
        var request = SearchRequestParser.Parse("Patient", [KeyValuePair.Create("identifier", "https://fhir.nhs.uk/Id/nhs-number|9000000009"), KeyValuePair.Create(parts[0], parts[1])], strict: false, TestResourceIds.Codec);

        var matches = SearchMatcher.Matches(Patient(), request.Criteria[1], _now);

        matches.Should().Be(expected);
    }

    private static ElementNode Condition()
    {
        var root = new ElementNode("Condition", "Condition");
        root.AddChild(new ElementNode("id", "id", text: _conditionId));
        var status = root.AddChild(new ElementNode("clinicalStatus", "CodeableConcept"));
        var statusCoding = status.AddChild(new ElementNode("coding", "Coding"));
        statusCoding.AddChild(new ElementNode("system", "uri", text: "http://terminology.hl7.org/CodeSystem/condition-clinical"));
        statusCoding.AddChild(new ElementNode("code", "code", text: "active"));
        var category = root.AddChild(new ElementNode("category", "CodeableConcept"));
        var categoryCoding = category.AddChild(new ElementNode("coding", "Coding"));
        categoryCoding.AddChild(new ElementNode("system", "uri", text: "http://terminology.hl7.org/CodeSystem/condition-category"));
        categoryCoding.AddChild(new ElementNode("code", "code", text: "problem-list-item"));
        var code = root.AddChild(new ElementNode("code", "CodeableConcept"));
        var codeCoding = code.AddChild(new ElementNode("coding", "Coding"));
        codeCoding.AddChild(new ElementNode("system", "uri", text: "http://snomed.info/sct"));
        codeCoding.AddChild(new ElementNode("code", "code", text: "195967001"));
        var onset = root.AddChild(new ElementNode("onset", "Period"));
        onset.AddChild(new ElementNode("start", "dateTime", text: "2019-03"));
        onset.AddChild(new ElementNode("end", "dateTime", text: "2019-09-10"));
        return root;
    }

    private static ElementNode Patient()
    {
        var root = new ElementNode("Patient", "Patient");
        var name = root.AddChild(new ElementNode("name", "HumanName"));
        name.AddChild(new ElementNode("family", "string", text: "Smith"));
        name.AddChild(new ElementNode("given", "string", text: "Jane"));
        name.AddChild(new ElementNode("given", "string", text: "Ann"));
        return root;
    }
}
