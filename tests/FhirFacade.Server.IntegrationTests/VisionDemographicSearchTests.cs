using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>Patient search by family + birthdate (no NHS number) reaching INPS Vision's demographic query over MLLP.</summary>
[Trait("Category", "Integration")]
public sealed class VisionDemographicSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string VisionRich = "9990000034";
    private const string VisionNoKnownAllergies = "9990000115";
    private const string VisionSource = "urn:fhirfacade:source:vision:";

    public static TheoryData<string, string[]> Searches => new()
    {
        { "family=Ellwood&birthdate=1981-01-23", [VisionRich] },
        { "family=ellw&birthdate=1981-01-23", [VisionRich] },
        { "family=ELLWOOD&birthdate=1981-01-23&given=Catherine&gender=female", [VisionRich] },
        { "family=Lomas&birthdate=2001-05-27", [VisionNoKnownAllergies] },
        { "family=lom&birthdate=2001-05-27", [VisionNoKnownAllergies] },
        { "family=Ellwood&birthdate=1981-01-24", [] },
        { "family=Lomas&birthdate=2001-05-28", [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_ByFamilyAndBirthdate_FindsTheVisionPatient(string criteria, string[] expected)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        var vision = response.Entries().Where(p => p["meta"]!["source"]!.GetValue<string>().StartsWith(VisionSource, StringComparison.Ordinal)).ToList();
        vision.Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().Equal(expected);
        vision.Select(p => p["meta"]!["profile"]![0]!.GetValue<string>()).Should().AllBe("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
    }

    [Fact]
    public async Task Search_ByFamilyAndBirthdate_ReturnsTheMappedPatient()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?family=Ellwood&birthdate=1981-01-23");

        var patient = response.Entries().Should().ContainSingle().Subject;
        patient["name"]![0]!["family"]!.GetValue<string>().Should().Be("Ellwood");
        patient["birthDate"]!.GetValue<string>().Should().Be("1981-01-23");
        patient["meta"]!["source"]!.GetValue<string>().Should().Be(VisionSource + "C83001");
        response.Total.Should().Be(1);
    }
}
