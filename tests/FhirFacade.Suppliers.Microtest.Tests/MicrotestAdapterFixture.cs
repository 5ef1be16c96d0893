using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Microtest;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Time;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// The real Evolution simulator on a loopback port (its token clock is fake, so tests expire tokens
/// without waiting) and the adapter built through <see cref="MicrotestServiceCollectionExtensions.AddMicrotestSupplier"/>.
/// </summary>
public sealed class MicrotestAdapterFixture : IAsyncLifetime
{
    public const string OdsCode = "L83100";

    private ServiceProvider? _services;

    public FakeTimeProvider SimulatorClock { get; } = new();

    public MicrotestSimulator Simulator { get; private set; } = null!;

    internal RecordingHandler Recorder { get; } = new();

    public OrganisationEndpoint Organisation => new() { OdsCode = OdsCode, Name = "Harbour Lane Practice", Supplier = "microtest", Endpoint = Simulator.BaseAddress };

    public async Task InitializeAsync()
    {
        Simulator = await MicrotestSimulator.StartAsync(new MicrotestSimulatorOptions { TimeProvider = SimulatorClock, MaxHang = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        _services = CreateServices(new Dictionary<string, string?>
        {
            ["Suppliers:Microtest:ClientId"] = Simulator.ClientId,
            ["Suppliers:Microtest:ClientSecret"] = Simulator.ClientSecret,
            ["Suppliers:Microtest:PageSize"] = "5",
            ["Suppliers:Microtest:RetryDelay"] = "00:00:00",
            ["Suppliers:Microtest:AttemptTimeout"] = "00:00:05",
        });
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }

    internal ISupplierAdapter Adapter => _services!.GetRequiredService<ISupplierAdapter>();

    internal ServiceProvider CreateServices(IDictionary<string, string?> settings, RecordingHandler? recorder = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddMicrotestSupplier(configuration);
        var handler = recorder ?? Recorder;
        services.AddHttpClient(MicrotestClient.HttpClientName).AddHttpMessageHandler(() => handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A search without an NHS number, parsed from a query string such as <c>family=Okonkwo&amp;birthdate=1949-07-05</c>.</summary>
    internal static SupplierQuery DemographicQuery(string resourceType, string query) =>
        new(
            SearchRequestParser.Parse(resourceType, query.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])), strict: false, TestResourceIds.Codec),
            PatientSelector.Demographic);

    internal static SupplierQuery Query(string resourceType, string nhsNumber, bool includeMedication = false)
    {
        NhsNumber.TryParse(nhsNumber, out var parsed).Should().BeTrue();
        var request = new SearchRequest
        {
            ResourceType = resourceType,
            Includes = includeMedication ? [FhirResourceTypes.MedicationStatementMedicationInclude] : [],
        };
        return new SupplierQuery(request, new PatientSelector(parsed, null));
    }
}
