using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using FhirFacade.Core.Suppliers;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// Whole requests through the in-memory server (TestServer: no socket on the client side) against the
/// real EMIS simulator on loopback, SMART on and every request durably audited; one request at a time,
/// so each pays a whole audit commit. Native* is the same native request straight to the simulator,
/// the load benchmark's baseline. <see cref="Policy"/> prices UK Core validation (Off is benchmarks only).
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private BenchmarkFacadeFactory _factory = null!;
    private HttpClient _facade = null!;
    private HttpClient _native = null!;
    private ISupplierAdapter _emis = null!;
    private OrganisationEndpoint _organisation = null!;
    private Uri _patientRead = null!;
    private Uri _medicationSearch = null!;

    [Params("Enforce", "Off")]
    public string Policy { get; set; } = "Enforce";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _facade.Dispose();
        _native.Dispose();
        _factory.Dispose();
    }

    [Benchmark]
    public Task<int> FacadePatientRead() => GetAsync(_facade, _patientRead);

    [Benchmark]
    public Task<int> FacadeMedicationStatementSearch() => GetAsync(_facade, _medicationSearch);

    [Benchmark]
    public Task<int> NativePatientSummary() => GetAsync(_native, new Uri($"api/patients/{BenchmarkFacadeFactory.DemoNhsNumber}", UriKind.Relative));

    [Benchmark]
    public Task<int> NativeMedicationsSection() => GetAsync(_native, new Uri($"api/patients/{BenchmarkFacadeFactory.DemoNhsNumber}/record?sections=medications", UriKind.Relative));

    /// <summary>The EMIS adapter's part of a Patient read: HTTP call, XML parse, mapping to an element tree.</summary>
    [Benchmark]
    public async Task<bool> AdapterPatientRead() =>
        (await _emis.ReadAsync(_organisation, "Patient", BenchmarkFacadeFactory.DemoNhsNumber, CancellationToken.None)).Resource is not null;

    private static async Task<int> GetAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"{uri} answered {(int)response.StatusCode}");
    }

    private async Task SetupAsync()
    {
        _factory = new BenchmarkFacadeFactory(new Dictionary<string, string?> { ["Facade:Validation:Policy"] = Policy });
        _facade = _factory.CreateClient();
        _facade.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _factory.ClinicianToken());
        _native = new HttpClient { BaseAddress = _factory.EmisBaseAddress };
        _native.DefaultRequestHeaders.Add("X-Api-Key", _factory.EmisApiKey);
        _emis = _factory.Services.GetServices<ISupplierAdapter>().Single(a => a.SupplierId == "emis");
        _organisation = new OrganisationEndpoint { OdsCode = "A81001", Name = "Riverside Medical Practice", Supplier = "emis", Endpoint = _factory.EmisBaseAddress };

        var nhs = "https://fhir.nhs.uk/Id/nhs-number%7C" + BenchmarkFacadeFactory.DemoNhsNumber;
        _medicationSearch = new Uri("/fhir/MedicationStatement?patient.identifier=" + nhs, UriKind.Relative);
        using var found = await _facade.GetAsync(new Uri("/fhir/Patient?identifier=" + nhs, UriKind.Relative));
        var bundle = await found.Content.ReadAsStringAsync();
        var id = System.Text.RegularExpressions.Regex.Match(bundle, "\"resourceType\":\"Patient\",\"id\":\"([^\"]+)\"").Groups[1].Value;
        _patientRead = new Uri("/fhir/Patient/" + id, UriKind.Relative);
        await FacadePatientRead();
        await FacadeMedicationStatementSearch();
    }
}
