using System.Text.Json.Nodes;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Tests.Mapping;

[Trait("Category", "Unit")]
public sealed class TppAllergyIntoleranceMapperTests
{
    [Fact]
    public void Map_EndedDrugAllergy_ProducesExpectedAllergyIntolerance()
    {
        var context = MappingFixture.Context();
        var native = MappingFixture.Native<TppAllergy>("""
            {"rowId":41000,"category":"Drug","allergen":{"conceptId":"764146007","term":"Penicillin"},
             "reaction":{"manifestation":{"conceptId":"271807003","term":"Eruption of skin"},"severity":"Moderate"},
             "status":"Ended","onset":{"value":"2004","precision":"Year"},"endDate":"2020-05-01","private":false,"notes":"Rash",
             "recordedDate":"2004-03-02","recordedByStaffRowId":200052}
            """);

        var allergy = TppAllergyIntoleranceMapper.Map(native, context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"AllergyIntolerance","id":"$id(9990000026/41000)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "clinicalStatus":{"extension":[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-05-01"}]}],
              "coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"resolved","display":"Resolved"}]},
             "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed","display":"Confirmed"}]},
             "type":"allergy","category":["medication"],
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"764146007","display":"Penicillin"}],"text":"Penicillin"},
             "patient":{"reference":"Patient/$id(9990000026)"},
             "onsetDateTime":"2004","recordedDate":"2004-03-02",
             "recorder":{"reference":"Practitioner/$id(9990000026/200052)"},
             "note":[{"text":"Rash"}],
             "reaction":[{"manifestation":[{"coding":[{"system":"http://snomed.info/sct","code":"271807003","display":"Eruption of skin"}],"text":"Eruption of skin"}],"severity":"moderate"}]}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(allergy!), expected).Should().BeTrue("got {0}", MappingFixture.Json(allergy!).ToJsonString());
    }

    [Fact]
    public void Map_NoKnownAllergies_ProducesActiveNoKnownAllergy()
    {
        var context = MappingFixture.Context();
        var native = MappingFixture.Native<TppNoKnownAllergies>("""{"rowId":42000,"snomed":{"conceptId":"716186003","term":"No known allergy"},"recordedDate":"2019-01-01","recordedByStaffRowId":null}""");

        var allergy = TppAllergyIntoleranceMapper.Map(native, context);

        var expected = MappingFixture.Expected("""
            {"resourceType":"AllergyIntolerance","id":"$id(9990000026/42000)",
             "meta":{"profile":["https://fhir.hl7.org.uk/StructureDefinition/UKCore-AllergyIntolerance"],"source":"urn:fhirfacade:source:tpp:B82005"},
             "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active","display":"Active"}]},
             "verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"confirmed","display":"Confirmed"}]},
             "code":{"coding":[{"system":"http://snomed.info/sct","code":"716186003","display":"No known allergy"}],"text":"No known allergy"},
             "patient":{"reference":"Patient/$id(9990000026)"},
             "recordedDate":"2019-01-01"}
            """);
        JsonNode.DeepEquals(MappingFixture.Json(allergy!), expected).Should().BeTrue("got {0}", MappingFixture.Json(allergy!).ToJsonString());
    }

    [Fact]
    public void Map_NoAllergen_ReturnsNullAndReports()
    {
        var context = MappingFixture.Context();

        var allergy = TppAllergyIntoleranceMapper.Map(MappingFixture.Native<TppAllergy>("""{"rowId":1,"allergen":null,"status":"Active"}"""), context);

        allergy.Should().BeNull();
        context.Issues.Should().ContainSingle(i => i.Code == "TPP-UNMAPPABLE");
    }
}
