using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Tpp;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>The real TPP simulator on loopback and the adapter as the server registers it (<see cref="TppServiceCollectionExtensions.AddTppSupplier"/>).</summary>
public sealed class TppSimulatorFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public TppSimulator Simulator { get; private set; } = null!;

    public ISupplierAdapter Adapter { get; private set; } = null!;

    public OrganisationEndpoint Moorland => Organisation("B82005", "Moorland Health Centre");

    public OrganisationEndpoint CastleStreet => Organisation("B82010", "Castle Street Surgery");

    public OrganisationEndpoint Northshire => Organisation("RY801", "Northshire Community Nursing Service");

    public OrganisationEndpoint Organisation(string odsCode, string name) =>
        new() { OdsCode = odsCode, Name = name, Supplier = "tpp", Endpoint = Simulator.BaseAddress };

    public async Task InitializeAsync()
    {
        Simulator = await TppSimulator.StartAsync(new TppSimulatorOptions(), CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Suppliers:Tpp:ApiKey"] = Simulator.ApiKey,
                ["Suppliers:Tpp:AttemptTimeout"] = "00:00:05",
                ["Suppliers:Tpp:MaxRetries"] = "1",
                ["Suppliers:Tpp:RetryDelay"] = "00:00:00",
            })
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IFhirModel>(TestFhir.Model)
            .AddSingleton(TestResourceIds.Codec)
            .AddTppSupplier(configuration)
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
}
