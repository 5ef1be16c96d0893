using System.Diagnostics;
using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.World;
using Xunit.Abstractions;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Safety;

/// <summary>
/// A latency budget per request, not per call (docs/safety/hazard-log.md, H3): with every native call at every supplier
/// taking 1 s — half the 2 s per-supplier timeout — a patient's whole record still comes back complete, because an adapter
/// that needs several calls (Evolution: the patient summary and the list) makes the independent ones at once. The
/// record's location and Evolution's token are already known, as they are for any patient asked about twice within the
/// location cache's lifetime; a cold location costs one more round of "do you hold?" calls, also in parallel.
/// Before the fix, a patient held only at Microtest got 504: its two calls in a row took the whole 2 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LatencyBudgetTests(FacadeServerFactory servers, ITestOutputHelper output) : IClassFixture<FacadeServerFactory>, IAsyncLifetime
{
    /// <summary>The latency of every native call, as the issue measured it.</summary>
    public const int LatencyMs = 1000;

    public static TheoryData<string> Patients => new() { AllFourSuppliers, OnlyAt(SupplierKind.Microtest, 40) };

    private static readonly string[] Queries =
    [
        "Patient?identifier=" + FhirHttp.Nhs + "{0}",
        "Condition?patient.identifier=" + FhirHttp.Nhs + "{0}",
        "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + "{0}",
        "MedicationStatement?patient.identifier=" + FhirHttp.Nhs + "{0}&_include=MedicationStatement:medication",

        // Every type at once: the four searches run side by side inside the one request budget.
        "Patient/$everything?identifier=" + FhirHttp.Nhs + "{0}&_count=500",
    ];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var simulator in servers.Simulators.All)
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Search_WithOneSecondPerNativeCallAtEverySupplier_ReturnsTheWholeRecordInsideTheRequestBudget(string nhsNumber)
    {
        var client = servers.CreateClient();
        var urls = Queries.Select(q => "/fhir/" + string.Format(System.Globalization.CultureInfo.InvariantCulture, q, nhsNumber)).ToList();
        var baseline = new List<List<string>>();
        foreach (var url in urls)
        {
            baseline.Add(Ids(await client.FhirGetAsync(url)));
        }

        foreach (var simulator in servers.Simulators.All)
        {
            await simulator.ApplyFaultAsync(FaultSpec.Latency(LatencyMs), CancellationToken.None);
        }

        for (var i = 0; i < urls.Count; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var response = await client.FhirGetAsync(urls[i]);
            var elapsed = stopwatch.Elapsed;
            output.WriteLine($"{urls[i]}: {elapsed.TotalMilliseconds:0} ms (budget {servers.OverallBudget.TotalMilliseconds:0} ms)");

            response.Status.Should().Be(HttpStatusCode.OK);
            var issues = string.Join("; ", response.Issues().Select(issue => issue["diagnostics"]?.GetValue<string>()));
            Ids(response).Should().Equal(baseline[i], "every supplier's share of the record arrives within the budget (issues: {0})", issues);
            response.Issues().Should().NotContain(i => i["diagnostics"]!.GetValue<string>().StartsWith("SUPPLIER-", StringComparison.Ordinal));
            elapsed.Should().BeLessThan(servers.OverallBudget + TimeSpan.FromSeconds(1), "the request ends with its budget, never later");
        }
    }

    private static List<string> Ids(FhirResponse response) =>
        [.. response.Entries().Concat(response.Entries("include")).Select(r => r["resourceType"]!.GetValue<string>() + "/" + r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
