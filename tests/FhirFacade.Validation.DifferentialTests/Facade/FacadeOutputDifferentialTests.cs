using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FhirFacade.Fhir.Packages;
using FhirFacade.Validation.DifferentialTests.Engines;

namespace FhirFacade.Validation.DifferentialTests.Facade;

/// <summary>
/// Item 1a of issue #14: every resource the running facade returns for every demo patient
/// (<c>examples/demo-patients.json</c>) — every type, search and read, JSON and XML, merged records and
/// <c>_include</c>d Medications, OperationOutcomes too — is valid for both engines. No difference is
/// tolerated here: what the facade serves must satisfy the reference validator as well as its own.
/// </summary>
[Trait("Category", "Conformance")]
public sealed partial class FacadeOutputDifferentialTests(DifferentialServerFactory factory) : IClassFixture<DifferentialServerFactory>
{
    private const string Json = "application/fhir+json";
    private const string Xml = "application/fhir+xml";
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    private const int MaxPages = 20;
    private static readonly XNamespace FhirNs = "http://hl7.org/fhir";

    public static TheoryData<string, string> DemoPatients()
    {
        var root = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("checkout not found");
        using var demo = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "examples", "demo-patients.json")));
        var data = new TheoryData<string, string>();
        foreach (var patient in demo.RootElement.GetProperty("patients").EnumerateArray())
        {
            data.Add(patient.GetProperty("nhsNumber").GetString()!, Json);
            data.Add(patient.GetProperty("nhsNumber").GetString()!, Xml);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoPatients))]
    public async Task Facade_DemoPatient_EveryResourceReturnedIsValidForBothEngines(string nhsNumber, string format)
    {
        var client = factory.CreateClient();
        var returned = new List<Returned>();
        var searches = new[]
        {
            "/fhir/Patient?identifier=" + Nhs + nhsNumber,
            "/fhir/MedicationStatement?patient.identifier=" + Nhs + nhsNumber + "&_include=MedicationStatement:medication",
            "/fhir/AllergyIntolerance?patient.identifier=" + Nhs + nhsNumber,
            "/fhir/Condition?patient.identifier=" + Nhs + nhsNumber,
        };

        foreach (var search in searches)
        {
            await CollectSearchAsync(client, search, format, returned);
        }

        var reads = returned.SelectMany(r => References().Matches(r.Text).Select(m => m.Groups["ref"].Value))
            .Concat(returned.Where(r => r.Type is not "OperationOutcome" and not "Bundle" && r.Id is not null).Select(r => r.Type + "/" + r.Id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var read in reads)
        {
            returned.Add(await FetchAsync(client, "/fhir/" + read, format));
        }

        var failures = new List<string>();
        foreach (var resource in returned)
        {
            var profile = FacadeProfiles.Types.Contains(resource.Type) ? FacadeProfiles.For(resource.Type) : null;
            var (kernel, firely) = Differential.Compare(resource.Where, resource.Text, profile, xml: format == Xml);
            if (!kernel.IsValid || !firely.IsValid)
            {
                failures.Add($"{resource.Where} ({resource.Type}):{Environment.NewLine}{kernel}{Environment.NewLine}{firely}");
            }
        }

        returned.Should().Contain(r => r.Type != "Bundle", "every demo patient's requests return resources");
        failures.Should().BeEmpty();
    }

    private static async Task CollectSearchAsync(HttpClient client, string url, string format, List<Returned> returned)
    {
        string? next = url;
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var bundle = await FetchAsync(client, next, format);
            next = null;
            if (bundle.Type != "Bundle")
            {
                returned.Add(bundle);
                break;
            }

            foreach (var entry in Entries(bundle.Text, format))
            {
                returned.Add(entry with { Where = $"{url} page {page + 1} {entry.Type}/{entry.Id}" });
            }

            next = NextLink(bundle.Text, format);
        }
    }

    private static async Task<Returned> FetchAsync(HttpClient client, string url, string format)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", format);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var (type, id) = format == Xml ? XmlTypeAndId(XElement.Parse(text)) : JsonTypeAndId(JsonNode.Parse(text)!.AsObject());
        return new Returned($"GET {url} → {(int)response.StatusCode}", type, id, text);
    }

    private static IEnumerable<Returned> Entries(string bundle, string format)
    {
        if (format == Xml)
        {
            foreach (var resource in XElement.Parse(bundle).Elements(FhirNs + "entry").Elements(FhirNs + "resource").Elements())
            {
                var (type, id) = XmlTypeAndId(resource);
                yield return new Returned(string.Empty, type, id, resource.ToString(SaveOptions.DisableFormatting));
            }

            yield break;
        }

        foreach (var entry in JsonNode.Parse(bundle)!["entry"]?.AsArray() ?? [])
        {
            var resource = entry!["resource"]!.AsObject();
            var (type, id) = JsonTypeAndId(resource);
            yield return new Returned(string.Empty, type, id, resource.ToJsonString());
        }
    }

    private static string? NextLink(string bundle, string format)
    {
        if (format == Xml)
        {
            return XElement.Parse(bundle).Elements(FhirNs + "link")
                .FirstOrDefault(l => l.Element(FhirNs + "relation")?.Attribute("value")?.Value == "next")
                ?.Element(FhirNs + "url")?.Attribute("value")?.Value;
        }

        return JsonNode.Parse(bundle)!["link"]?.AsArray()
            .FirstOrDefault(l => l!["relation"]?.GetValue<string>() == "next")?["url"]?.GetValue<string>();
    }

    private static (string Type, string? Id) JsonTypeAndId(JsonObject resource) =>
        (resource["resourceType"]?.GetValue<string>() ?? "?", resource["id"]?.GetValue<string>());

    private static (string Type, string? Id) XmlTypeAndId(XElement resource) =>
        (resource.Name.LocalName, resource.Element(FhirNs + "id")?.Attribute("value")?.Value);

    // Relative references the facade emits to resources it can read (the GP, the practice, the medication).
    [GeneratedRegex(@"(?<ref>(?:Organization|Practitioner|Medication)/[A-Za-z0-9\-\.]{1,64})(?=[""])")]
    private static partial Regex References();

    private sealed record Returned(string Where, string Type, string? Id, string Text);
}
