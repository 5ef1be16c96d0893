using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Emis;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Emis.Tests;

/// <summary>The real EMIS simulator on a loopback port and the adapter as the server registers it (<see cref="EmisServiceCollectionExtensions.AddEmisSupplier"/>).</summary>
public sealed class EmisAdapterFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public EmisSimulator Simulator { get; private set; } = null!;

    public ISupplierAdapter Adapter { get; private set; } = null!;

    public OrganisationEndpoint Organisation => new() { OdsCode = "A81001", Name = "Riverside Medical Practice", Supplier = "emis", Endpoint = Simulator.BaseAddress };

    public async Task InitializeAsync()
    {
        Simulator = await EmisSimulator.StartAsync(new EmisSimulatorOptions(), CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Suppliers:Emis:ApiKey"] = Simulator.ApiKey,
                ["Suppliers:Emis:AttemptTimeout"] = "00:00:05",
                ["Suppliers:Emis:RetryDelay"] = "00:00:00",
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IFhirModel>(TestFhir.Model)
            .AddSingleton(TestResourceIds.Codec)
            .AddEmisSupplier(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Adapter = _services.GetRequiredService<ISupplierAdapter>();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }

    /// <summary>A search about one patient by NHS number.</summary>
    public static SupplierQuery Query(string resourceType, string nhsNumber) =>
        new(new SearchRequest { ResourceType = resourceType }, new PatientSelector(NhsNumber.TryParse(nhsNumber, out var parsed) ? parsed : throw new ArgumentException("Invalid NHS number.", nameof(nhsNumber)), null));
}
