using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Safety;

/// <summary>
/// What the clinician sees about freshness and provenance (docs/adr/0009-freshness-and-provenance.md): every resource the
/// facade serves says where it came from (<c>meta.source</c>, the supplier and organisation its id routes to) and when the
/// facade retrieved it (<c>meta.lastUpdated</c>, during this very request), and is still UK Core-valid with both (the
/// validator runs on every response; nothing is withheld or reported).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProvenanceTests(FacadeServerFactory servers) : IClassFixture<FacadeServerFactory>
{
    public static TheoryData<string> Searches => new()
    {
        "Patient?identifier=" + FhirHttp.Nhs + AllFourSuppliers,
        "Condition?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers,
        "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers,
        "MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers + "&_include=MedicationStatement:medication",
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_EveryResource_SaysWhichSupplierAndOrganisationAndWhenItWasRetrieved(string query)
    {
        var before = TimeProvider.System.GetUtcNow().AddMilliseconds(-1);

        var response = await servers.CreateClient().FhirGetAsync("/fhir/" + query);

        var after = TimeProvider.System.GetUtcNow().AddMilliseconds(1);
        response.Status.Should().Be(HttpStatusCode.OK);
        response.Issues().Should().NotContain(i => i["diagnostics"]!.GetValue<string>().StartsWith("VALIDATION-", StringComparison.Ordinal));
        var resources = response.Entries().Concat(response.Entries("include")).ToList();
        resources.Should().NotBeEmpty();
        foreach (var resource in resources)
        {
            TestResourceIds.Codec.TryDecode(resource["resourceType"]!.GetValue<string>(), resource["id"]!.GetValue<string>(), out var id).Should().BeTrue();
            resource["meta"]!["source"]!.GetValue<string>().Should().Be($"urn:fhirfacade:source:{id!.Supplier}:{id.Organisation}");
            RetrievalTime.Of(resource).Should().NotBeNull().And.BeOnOrAfter(before).And.BeOnOrBefore(after);
        }
    }

    [Fact]
    public async Task Read_TheResource_SaysWhenThisReadRetrievedIt()
    {
        var client = servers.CreateClient();
        var found = (await client.FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + EmisRich)).Entries()[0];
        var before = TimeProvider.System.GetUtcNow().AddMilliseconds(-1);

        var read = await client.FhirGetAsync("/fhir/Condition/" + found["id"]!.GetValue<string>());

        read.Status.Should().Be(HttpStatusCode.OK);
        RetrievalTime.Of(read.Body!).Should().BeOnOrAfter(before, "a read is a new retrieval, never an earlier answer replayed");
        read.Body!["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:emis:A81001");
    }
}
