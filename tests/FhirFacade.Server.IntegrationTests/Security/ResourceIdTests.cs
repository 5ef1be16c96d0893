using System.Net;
using System.Text;
using FhirFacade.Core.Identity;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// Resource ids over the real server and simulators: only ids the facade issued, for the type they were
/// issued for, under the key it is configured with, reach a supplier; everything else is a plain 404.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ResourceIdTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string ConditionSearch = "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + TestPatients.ResolvedHistory;

    [Theory]
    [InlineData("MedicationStatement")]
    [InlineData("AllergyIntolerance")]
    [InlineData("Medication")]
    [InlineData("Patient")]
    public async Task Read_ConditionIdAsAnotherType_Is404(string readAs)
    {
        var id = await FirstConditionIdAsync();
        using var client = factory.CreateClient();

        var asCondition = await client.FhirGetAsync($"/fhir/Condition/{id}");
        var asOther = await client.FhirGetAsync($"/fhir/{readAs}/{id}");

        asCondition.Status.Should().Be(HttpStatusCode.OK);
        asOther.Status.Should().Be(HttpStatusCode.NotFound);
        asOther.ResourceType.Should().Be("OperationOutcome");
        asOther.SpineCodes().Should().ContainSingle().Which.Should().BeOneOf("NO_RECORD_FOUND", "PATIENT_NOT_FOUND");
    }

    [Fact]
    public async Task Read_IdOfARealPatientSignedWithAnotherKey_Is404()
    {
        var patient = new FacadeResourceId("emis", "A81001", TestPatients.EmisRich);
        var forged = new ResourceIdCodec(Encoding.ASCII.GetBytes("not the key this server was given")).Encode("Patient", patient);
        using var client = factory.CreateClient();

        var genuine = await client.FhirGetAsync("/fhir/Patient/" + TestResourceIds.Codec.Encode("Patient", patient));
        var response = await client.FhirGetAsync("/fhir/Patient/" + forged);

        genuine.Status.Should().Be(HttpStatusCode.OK);
        response.Status.Should().Be(HttpStatusCode.NotFound);
        response.SpineCodes().Should().Equal("PATIENT_NOT_FOUND");
        response.Body!.ToJsonString().Should().NotContain("Thornton");
    }

    [Fact]
    public async Task Read_IdIssuedByAnotherInstance_IsReadWithTheSameKeyAnd404UnderAnother()
    {
        var id = await FirstConditionIdAsync();
        using var sameKey = new FacadeServerFactory();
        using var rotated = new OtherKeyFactory();

        var onSameKey = await sameKey.CreateClient().FhirGetAsync($"/fhir/Condition/{id}");
        var onRotated = await rotated.CreateClient().FhirGetAsync($"/fhir/Condition/{id}");

        onSameKey.Status.Should().Be(HttpStatusCode.OK, "instances sharing Facade:Ids:SigningKey share ids");
        onRotated.Status.Should().Be(HttpStatusCode.NotFound, "an id issued under an old key is unknown after rotation");
        onRotated.SpineCodes().Should().Equal("NO_RECORD_FOUND");
    }

    private async Task<string> FirstConditionIdAsync()
    {
        var search = await factory.CreateClient().FhirGetAsync(ConditionSearch);
        search.Status.Should().Be(HttpStatusCode.OK);
        return search.Entries()[0]["id"]!.GetValue<string>();
    }

    private sealed class OtherKeyFactory : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => new()
        {
            ["Facade:Ids:SigningKey"] = Convert.ToBase64String(Encoding.ASCII.GetBytes("a rotated key, not the tests' one")),
        };
    }
}
