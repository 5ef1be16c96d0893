using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.World;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// <c>_id</c> on every searchable type, against each supplier: a criterion on the patient's search (comma: any of the
/// ids), where an id not issued for the type matches nothing and a clinical search still needs its patient (docs/api.md).
/// </summary>
[Trait("Category", "Integration")]
public sealed class IdSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private static readonly string[] ClinicalTypes = ["AllergyIntolerance", "Condition", "MedicationStatement"];

    public static TheoryData<SupplierKind> Suppliers => new() { SupplierKind.Emis, SupplierKind.Tpp, SupplierKind.Vision, SupplierKind.Microtest };

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Id_OnEachClinicalType_SelectsThoseIdsOfThePatientsRecord(SupplierKind supplier)
    {
        var client = factory.CreateClient();
        var nhs = OnlyAt(supplier, 0);
        var patient = "patient.identifier=" + FhirHttp.Nhs + nhs;
        var patientId = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs)).Entries().Single()["id"]!.GetValue<string>();
        var checkedTypes = 0;

        foreach (var type in ClinicalTypes)
        {
            var ids = Ids(await client.FhirGetAsync($"/fhir/{type}?{patient}"));
            if (ids.Count < 2)
            {
                continue;
            }

            checkedTypes++;
            var one = await client.FhirGetAsync($"/fhir/{type}?{patient}&_id={ids[^1]}");
            var two = await client.FhirGetAsync($"/fhir/{type}?{patient}&_id={ids[^1]},not-an-id,{ids[0]}");
            var compartment = await client.FhirGetAsync($"/fhir/Patient/{patientId}/{type}?_id={ids[0]}");
            var otherType = await client.FhirGetAsync($"/fhir/{type}?{patient}&_id={patientId}");
            var withoutPatient = await client.FhirGetAsync($"/fhir/{type}?_id={ids[0]}");

            Ids(one).Should().Equal([ids[^1]], $"{supplier} {type}");
            Ids(two).Should().BeEquivalentTo([ids[0], ids[^1]], $"{supplier} {type}");
            Ids(compartment).Should().Equal([ids[0]], $"{supplier} {type}");
            otherType.Status.Should().Be(HttpStatusCode.OK, $"{supplier} {type}: an id of another type matches nothing");
            otherType.Total.Should().Be(0);
            withoutPatient.Status.Should().Be(HttpStatusCode.BadRequest, $"{supplier} {type}: _id does not stand in for the patient");
        }

        var byId = await client.FhirGetAsync($"/fhir/Patient?_id={patientId}");
        var byIdAmongOthers = await client.FhirGetAsync($"/fhir/Patient?_id=not-an-id,{patientId}");

        checkedTypes.Should().BeGreaterThan(0, $"the {supplier} patient has at least one clinical type with two entries");
        Ids(byId).Should().Equal([patientId]);
        Ids(byIdAmongOthers).Should().Equal([patientId]);
    }

    private static List<string> Ids(FhirResponse response)
    {
        response.Status.Should().Be(HttpStatusCode.OK, response.Body?.ToJsonString());
        return [.. response.Entries().Select(e => e["id"]!.GetValue<string>())];
    }
}
