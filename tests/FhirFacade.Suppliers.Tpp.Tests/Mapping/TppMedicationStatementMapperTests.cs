using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class TppMedicationStatementMapperTests
{
    private const string Stopped = """
        {"rowId":31000,"drug":{"dmdId":"10548011000001102","name":"Keppra 500mg tablets"},"dosage":"One tablet twice a day","quantity":56,"quantityUnit":"tablet",
         "prescriptionType":"Repeat","status":"Stopped","startDate":"2025-10-20","endDate":"2026-03-01","reviewDate":null,"maxIssues":6,"stopReason":"Seizure free",
         "private":false,"prescriberStaffRowId":200051,
         "issues":[{"rowId":31001,"issueDate":"2025-10-20","quantity":56,"quantityUnit":"tablet"},{"rowId":31002,"issueDate":"2025-11-17","quantity":56,"quantityUnit":"tablet"}]}
        """;

    [Fact]
    public void Map_StoppedRepeat_ProducesExpectedStatement()
    {
        var context = MappingFixture.Context();

        var statement = TppMedicationStatementMapper.Map(MappingFixture.Native<TppMedication>(Stopped), context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"MedicationStatement","id":"$id(9990000026/31000)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2025-11-17"}],
             "status":"stopped","statusReason":[{"text":"Seizure free"}],
             "medicationReference":{"reference":"Medication/$id(9990000026/31000)","display":"Keppra 500mg tablets"},
             "subject":{"reference":"Patient/$id(9990000026)"},
             "effectivePeriod":{"start":"2025-10-20","end":"2026-03-01"},"dateAsserted":"2025-10-20",
             "informationSource":{"reference":"Practitioner/$id(9990000026/200051)"},
             "dosage":[{"text":"One tablet twice a day"}]}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(statement!), expected).Should().BeTrue("got {0}", MappingFixture.Json(statement!).ToJsonString());
        context.Issues.Should().BeEmpty();
    }

    [Fact]
    public void MapMedication_DmdCoded_ProducesExpectedMedication()
    {
        var context = MappingFixture.Context();

        var medication = TppMedicationMapper.Map(MappingFixture.Native<TppMedication>(Stopped), context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"Medication","id":"$id(9990000026/31000)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Medication"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "code":{"coding":[{"system":"https://dmd.nhs.uk","code":"10548011000001102","display":"Keppra 500mg tablets"}],"text":"Keppra 500mg tablets"}}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(medication!), expected).Should().BeTrue("got {0}", MappingFixture.Json(medication!).ToJsonString());
    }

    [Theory]
    [InlineData("""{"rowId":1,"drug":{"dmdId":"ABC123","name":"Mystery tablets"},"status":"Active","startDate":"2026-01-01"}""")]
    [InlineData("""{"rowId":1,"drug":{"dmdId":null,"name":"Mystery tablets"},"status":"Active","startDate":"2026-01-01"}""")]
    public void MapMedication_BrokenDmdId_FallsBackToText(string native)
    {
        var context = MappingFixture.Context();

        var medication = TppMedicationMapper.Map(MappingFixture.Native<TppMedication>(native), context);

        medication!.Code!.Coding.Should().BeEmpty();
        medication.Code.Text.Should().Be("Mystery tablets");
    }

    [Theory]
    [InlineData("""{"rowId":1,"status":"Active","startDate":"2026-02-30"}""")]
    [InlineData("""{"rowId":1,"status":"Suspended","startDate":"2026-01-01"}""")]
    [InlineData("""{"rowId":null,"status":"Active","startDate":"2026-01-01"}""")]
    public void Map_UnusableRow_ReturnsNullAndReports(string native)
    {
        var context = MappingFixture.Context();

        var statement = TppMedicationStatementMapper.Map(MappingFixture.Native<TppMedication>(native), context);

        statement.Should().BeNull();
        context.Issues.Should().Contain(i => i.Code == "TPP-UNMAPPABLE");
    }
}
