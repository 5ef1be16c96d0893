using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>Reads a <see cref="FuzzSurface"/> off a running server: its routes, its CapabilityStatement and ids found by searching demo patients.</summary>
internal static class FuzzSurfaceLoader
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    private static readonly string[] Patients = ["9990000018", "9990000050", "9990000034"];

    /// <summary>Loads the surface; <paramref name="client"/> must send a clinician token.</summary>
    public static async Task<FuzzSurface> LoadAsync(EndpointDataSource endpoints, HttpClient client, Uri baseAddress, string fhirBasePath, CancellationToken cancellationToken)
    {
        var capability = JsonNode.Parse(await client.GetStringAsync(new Uri(baseAddress, fhirBasePath + "/metadata"), cancellationToken))!;
        var searchParameters = FuzzSurface.SearchParametersOf(capability);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var nhs in Patients)
        {
            foreach (var search in new[] { $"Patient?identifier={Nhs}{nhs}", $"MedicationStatement?patient.identifier={Nhs}{nhs}&_include=MedicationStatement:medication", $"Condition?patient.identifier={Nhs}{nhs}", $"AllergyIntolerance?patient.identifier={Nhs}{nhs}" })
            {
                using var response = await client.GetAsync(new Uri(baseAddress, fhirBasePath + "/" + search), cancellationToken);
                var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                foreach (var resource in (bundle?["entry"]?.AsArray() ?? []).Select(e => e?["resource"]))
                {
                    if (resource?["resourceType"]?.GetValue<string>() is { } type && resource["id"]?.GetValue<string>() is { } id && type != "OperationOutcome")
                    {
                        (ids.TryGetValue(type, out var set) ? set : ids[type] = new HashSet<string>(StringComparer.Ordinal)).Add(id);
                    }
                }
            }
        }

        return new FuzzSurface(
            FuzzSurface.RoutesOf(endpoints),
            searchParameters,
            ids.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Order(StringComparer.Ordinal)], StringComparer.Ordinal),
            fhirBasePath);
    }
}
