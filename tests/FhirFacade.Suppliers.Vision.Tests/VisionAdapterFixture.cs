using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Vision;
using FhirFacade.Suppliers.Vision.Mllp;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>
/// The real Vision simulator on a loopback port (MLLP over TCP, its hang cut short to 2 s) and the adapter built
/// through <see cref="VisionServiceCollectionExtensions.AddVisionSupplier"/>.
/// </summary>
public sealed class VisionAdapterFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public VisionSimulator Simulator { get; private set; } = null!;

    public OrganisationEndpoint Oakfield => Organisation("C83001", "Oakfield Surgery", Endpoint);

    public OrganisationEndpoint Brookside => Organisation("C83002", "Brookside Medical Centre", Endpoint);

    public Uri Endpoint => new($"mllp://{Simulator.EndPoint}/");

    internal ISupplierAdapter Adapter => _services!.GetRequiredService<ISupplierAdapter>();

    public async Task InitializeAsync()
    {
        Simulator = await VisionSimulator.StartAsync(new VisionSimulatorOptions { MaxHang = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        _services = CreateServices();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }

    public static OrganisationEndpoint Organisation(string odsCode, string name, Uri endpoint) =>
        new() { OdsCode = odsCode, Name = name, Supplier = "vision", Endpoint = endpoint };

    /// <summary>A separate container (its own connection pool), with option overrides (<c>AttemptTimeout</c> → <c>Suppliers:Vision:AttemptTimeout</c>).</summary>
    internal ServiceProvider CreateServices(params (string Key, string Value)[] overrides) => CreateServices(null, overrides);

    /// <summary>As <see cref="CreateServices(ValueTuple{string, string}[])"/>, with the adapter's clock.</summary>
    internal ServiceProvider CreateServices(TimeProvider? clock, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Suppliers:Vision:AccessKey"] = Simulator.AccessKey,
            ["Suppliers:Vision:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in overrides)
        {
            settings["Suppliers:Vision:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddVisionSupplier(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    internal static MllpConnectionPool Pool(ServiceProvider services) => services.GetRequiredService<MllpConnectionPool>();

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
