using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// The four-supplier demo patient 9990000050 (registered at EMIS A81002; records at TPP RY801, Vision
/// C83002 and Microtest L83100) over every supplier's real protocol: the merged result is deterministic,
/// the same in JSON and XML, reaches every supplier that holds each area, and every resource in both
/// formats validates against its UK Core profile.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class FourSupplierTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string AllFour = "9990000050";

    private static readonly Lazy<FhirValidator> Validator = new(() => FhirValidation.CreateValidator(FhirKernel.Default.Packages, FhirKernel.Default.Model));

    /// <summary>
    /// Each search, and the sources its matches must come from, in <c>meta.source</c> or a merged
    /// duplicate's <c>meta.tag</c> (RY801 does not share problems; A81002's Patient is the registered one;
    /// the aspirin allergy held at A81002 and L83100 is returned once).
    /// </summary>
    public static TheoryData<string, string[]> Searches => new()
    {
        { "Patient?identifier=" + FhirHttp.Nhs + AllFour, ["emis:A81002"] },
        { "Condition?patient.identifier=" + FhirHttp.Nhs + AllFour, ["emis:A81002", "microtest:L83100", "vision:C83002"] },
        { "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + AllFour, ["emis:A81002", "microtest:L83100", "tpp:RY801"] },
        { "MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFour + "&_include=MedicationStatement:medication", ["emis:A81002", "microtest:L83100", "tpp:RY801", "vision:C83002"] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_FourSupplierPatient_IsMergedDeterministicAndFromEverySource(string query, string[] sources)
    {
        var client = factory.CreateClient();

        var first = await client.FhirGetAsync("/fhir/" + query);
        var second = await client.FhirGetAsync("/fhir/" + query);

        first.Status.Should().Be(HttpStatusCode.OK);
        Sources(first.Entries()).Should().Equal(sources);
        JsonNode.DeepEquals(Entries(first), Entries(second)).Should().BeTrue("the same request must give the same merged result");
        first.Issues().Select(i => i["diagnostics"]!.GetValue<string>())
            .Should().NotContain(c => c.StartsWith("SUPPLIER-", StringComparison.Ordinal) || c.StartsWith("VALIDATION-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_FourSupplierPatient_EveryResourceConformsToUkCoreInJsonAndXml(string query, string[] sources)
    {
        _ = sources;
        var client = factory.CreateClient();

        var json = await client.FhirGetAsync("/fhir/" + query);
        using var xmlRequest = new HttpRequestMessage(HttpMethod.Get, "/fhir/" + query);
        xmlRequest.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");
        using var xmlResponse = await client.SendAsync(xmlRequest);
        var xml = new FhirXmlParser(FhirKernel.Default.Model).Parse(await xmlResponse.Content.ReadAsStringAsync());

        xmlResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        xml.HasErrors.Should().BeFalse();
        var xmlResources = xml.Root!.ChildrenNamed("entry").Select(e => e.Child("resource")!).Where(r => r.InstanceType != "OperationOutcome").ToList();
        var jsonResources = json.Entries().Concat(json.Entries("include")).ToList();
        xmlResources.Select(r => r.Child("id")!.Text).Should().Equal(jsonResources.Select(r => r["id"]!.GetValue<string>()), "XML carries the same entries in the same order");
        foreach (var resource in jsonResources)
        {
            var parsed = FhirKernel.Default.JsonParser.Parse(resource.ToJsonString());
            Validator.Value.Validate(parsed.Root!).Errors.Select(e => e.ToString()).Should().BeEmpty($"{resource["resourceType"]} (JSON) should conform to UK Core");
        }

        foreach (var resource in xmlResources)
        {
            var reparsed = FhirKernel.Default.JsonParser.Parse(FhirKernel.Default.JsonSerializer.Serialize(resource));
            reparsed.HasErrors.Should().BeFalse();
            Validator.Value.Validate(reparsed.Root!).Errors.Select(e => e.ToString()).Should().BeEmpty($"{resource.InstanceType} (XML) should conform to UK Core");
        }
    }

    private static List<string> Sources(IEnumerable<JsonNode> resources) =>
        [.. resources
            .SelectMany(r => (r["meta"]!["tag"]?.AsArray().Select(t => t!["code"]!.GetValue<string>()) ?? [])
                .Append(r["meta"]!["source"]!.GetValue<string>()["urn:fhirfacade:source:".Length..]))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The match and include entries (the outcome entry is a new resource each time, with its own urn:uuid), without
    /// each resource's retrieval time (meta.lastUpdated), which is new each time as well.
    /// </summary>
    private static JsonArray Entries(FhirResponse response) =>
        new([.. (response.Body!["entry"]?.AsArray() ?? []).Where(e => e!["search"]!["mode"]!.GetValue<string>() != "outcome").Select(WithoutRetrievalTime)]);

    private static JsonNode WithoutRetrievalTime(JsonNode? entry)
    {
        var copy = entry!.DeepClone();
        copy["resource"] = RetrievalTime.Without(copy["resource"]!);
        return copy;
    }
}
