using System.Text.Json.Nodes;
using FhirFacade.Fhir.Issues;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class TppConditionMapperTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "TPP sends a SNOMED map",
            """{"rowId":22000,"ctv3":{"code":"F25..","term":"Epilepsy"},"snomed":{"conceptId":"84757009","term":"Epilepsy"},"status":"Active","significance":"Major","onset":{"value":"1990","precision":"Year"},"end":null,"private":false,"notes":null,"recordedDate":"1996-04-01","recordedByStaffRowId":200051}""",
            """
            {"resourceType":"Condition","id":"$id(9990000026/22000)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active","display":"Active"}]},
             "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed","display":"Confirmed"}]},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item","display":"Problem List Item"}]}],
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"84757009","display":"Epilepsy"},{"system":"http://read.info/ctv3","code":"F25..","display":"Epilepsy"}],"text":"Epilepsy"},
             "subject":{"reference":"Patient/$id(9990000026)"},
             "onsetDateTime":"1990","recordedDate":"1996-04-01",
             "recorder":{"reference":"Practitioner/$id(9990000026/200051)"}}
            """
        },
        {
            "no TPP map: the project's ConceptMap adds SNOMED",
            """{"rowId":22001,"ctv3":{"code":"H33..","term":"Asthma"},"snomed":null,"status":"Resolved","significance":"Minor","onset":{"value":"2001-06","precision":"Month"},"end":{"value":"2010-02-03","precision":"Day"},"private":false,"notes":"Childhood","recordedDate":"2001-06-17","recordedByStaffRowId":null}""",
            """
            {"resourceType":"Condition","id":"$id(9990000026/22001)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved","display":"Resolved"}]},
             "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed","display":"Confirmed"}]},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item","display":"Problem List Item"}]}],
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"195967001","display":"Asthma"},{"system":"http://read.info/ctv3","code":"H33..","display":"Asthma"}],"text":"Asthma"},
             "subject":{"reference":"Patient/$id(9990000026)"},
             "onsetDateTime":"2001-06","abatementDateTime":"2010-02-03","recordedDate":"2001-06-17",
             "note":[{"text":"Childhood"}]}
            """
        },
        {
            "unmapped CTV3 keeps its coding and text",
            """{"rowId":22002,"ctv3":{"code":"F26..","term":"Migraine"},"snomed":null,"status":"Past","significance":"Minor","onset":{"value":"2015-03-09","precision":"Day"},"end":null,"private":false,"notes":null,"recordedDate":"2015-03-09","recordedByStaffRowId":200051}""",
            """
            {"resourceType":"Condition","id":"$id(9990000026/22002)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"inactive","display":"Inactive"}]},
             "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"confirmed","display":"Confirmed"}]},
             "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item","display":"Problem List Item"}]}],
             "code":{"coding":[{"system":"http://read.info/ctv3","code":"F26..","display":"Migraine"}],"text":"Migraine"},
             "subject":{"reference":"Patient/$id(9990000026)"},
             "onsetDateTime":"2015-03-09","recordedDate":"2015-03-09",
             "recorder":{"reference":"Practitioner/$id(9990000026/200051)"}}
            """
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_NativeProblem_ProducesExpectedUkCoreCondition(string scenario, string native, string expected)
    {
        var context = MappingFixture.Context();

        var condition = TppConditionMapper.Map(MappingFixture.Native<TppProblem>(native), context);

        condition.Should().NotBeNull(scenario);
        JsonNode.DeepEquals(MappingFixture.Json(condition!), MappingFixture.Expected(expected)).Should().BeTrue(
            "{0}: got {1}", scenario, MappingFixture.Json(condition!).ToJsonString());
    }

    [Fact]
    public void Map_UnmappedCtv3Code_KeepsItWithAnUnmappedCodeWarningNamingTheRow()
    {
        var context = MappingFixture.Context();

        TppConditionMapper.Map(MappingFixture.Native<TppProblem>("""{"rowId":1,"ctv3":{"code":"H27..","term":"Influenza"},"snomed":null,"status":"Active"}"""), context);

        context.Issues.Should().ContainSingle().Which.Should().Match<Issue>(i => i.Code == "TPP-UNMAPPED-CODE" && i.Severity == IssueSeverity.Warning && i.Message.Contains("H27..", StringComparison.Ordinal) && i.Message.Contains("'1'", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_MappedCtv3Code_AddsNoIssue()
    {
        var context = MappingFixture.Context();

        TppConditionMapper.Map(MappingFixture.Native<TppProblem>("""{"rowId":1,"ctv3":{"code":"H33..","term":"Asthma"},"snomed":null,"status":"Active"}"""), context);

        context.Issues.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"rowId":1,"ctv3":{"code":"H33..","term":"Asthma"},"status":"Unknown"}""")]
    [InlineData("""{"rowId":null,"ctv3":{"code":"H33..","term":"Asthma"},"status":"Active"}""")]
    [InlineData("""{"rowId":1,"ctv3":null,"snomed":null,"status":"Active"}""")]
    public void Map_UnusableRow_ReturnsNullAndWarns(string native)
    {
        var context = MappingFixture.Context();

        var condition = TppConditionMapper.Map(MappingFixture.Native<TppProblem>(native), context);

        condition.Should().BeNull();
        context.Issues.Should().ContainSingle(i => i.Code == "TPP-UNMAPPABLE" && i.Severity == IssueSeverity.Warning);
    }

    [Fact]
    public void Map_ImpossibleOnsetDate_LeavesItOutAndWarns()
    {
        var context = MappingFixture.Context();

        var condition = TppConditionMapper.Map(MappingFixture.Native<TppProblem>("""{"rowId":1,"ctv3":{"code":"H33..","term":"Asthma"},"status":"Active","onset":{"value":"2026-02-30","precision":"Day"}}"""), context);

        condition!.Onset.Should().BeNull();
        context.Issues.Should().ContainSingle(i => i.Code == "TPP-DEGRADED");
    }
}
