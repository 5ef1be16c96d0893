using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Server.DevAuthorization;
using FhirFacade.Server.Hosting;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using DemoPatientListing = FhirFacade.Simulators.World.DemoPatientListing;
using FhirFacade.Suppliers.Emis;
using FhirFacade.Suppliers.Microtest;
using FhirFacade.Suppliers.Tpp;
using FhirFacade.Suppliers.Vision;
using Microsoft.Extensions.Options;

namespace FhirFacade.Demo;

/// <summary>
/// The embedded default: the simulated supplier backends, started in-process on loopback after the
/// facade's host is built (so that nothing mistakes their hosts for the facade's), with every
/// directory endpoint written <c>embedded:{supplier}</c> resolved to them when options are first read.
/// Registered by the demo host only: the production server (<c>src/FhirFacade.Server</c>) does not reference the simulators.
/// </summary>
public sealed class EmbeddedSimulators : IFacadeStartupStep, IAsyncDisposable, IDisposable
{
    /// <summary>The running simulators; <see langword="null"/> until started, or when disabled.</summary>
    public SimulatorCluster? Cluster { get; private set; }

    /// <summary>Registers the embedded simulators when <c>Facade:EmbeddedSimulators:Enabled</c>.</summary>
    public static void AddIfEnabled(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(EmbeddedSimulatorOptions.SectionName).Get<EmbeddedSimulatorOptions>() ?? new();
        if (!options.Enabled)
        {
            return;
        }

        var embedded = new EmbeddedSimulators();
        // Made by a factory so that the container stops the simulators when the host is disposed.
        services.AddSingleton(_ => embedded);
        services.AddSingleton<IFacadeStartupStep>(_ => embedded);
        services.AddSingleton(new SimulatedSuppliers(
            [.. DemoPatientListing.All.Select(p => new SimulatedDemoPatient(p.NhsNumber, p.Name, p.RegisteredPractice.Organisation.OdsCode, p.Special))]));
        services.AddSingleton<IPostConfigureOptions<OrganisationDirectoryOptions>>(new ResolveEmbeddedEndpoints(embedded));
        services.PostConfigure<EmisOptions>(emis => emis.ApiKey ??= embedded.Started.Emis.ApiKey);
        services.PostConfigure<TppOptions>(tpp => tpp.ApiKey ??= embedded.Started.Tpp.ApiKey);
        services.PostConfigure<VisionOptions>(vision => vision.AccessKey ??= embedded.Started.Vision.AccessKey);
        services.PostConfigure<MicrotestOptions>(microtest =>
        {
            microtest.ClientId ??= embedded.Started.Microtest.ClientId;
            microtest.ClientSecret ??= embedded.Started.Microtest.ClientSecret;
        });
    }

    /// <summary>Starts the simulators (before the facade listens), and prints the demo banner once the facade has started.</summary>
    public async Task StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await StartAsync(app.Services, cancellationToken);
        DemoBanner.Register(app, this);
    }

    /// <summary>Stops the simulators.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Cluster is { } cluster)
        {
            Cluster = null;
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Stops the simulators (a host disposed synchronously, as WebApplicationFactory may be).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The simulators' hosts are built outside the caller's execution context. Under WebApplicationFactory
        // the entry point keeps running after the facade's host is built, and the factory's host listener
        // (which follows the entry point's async flow) can still be subscribed for a moment: a simulator host
        // built on that flow would be configured as the test's facade (test server, the facade's URLs), and
        // its clients would then find nothing listening. A task started with the flow suppressed cannot be seen.
        Task<SimulatorCluster> starting;
        using (ExecutionContext.SuppressFlow())
        {
            starting = Task.Run(() => SimulatorCluster.StartAsync(new SimulatorClusterOptions(), cancellationToken), cancellationToken);
        }

        var cluster = await starting;
        Cluster = cluster;
        await WarmUpAsync(cluster, cancellationToken);
        await WarmUpVisionAsync(services, cancellationToken);
        var options = services.GetRequiredService<IConfiguration>().GetSection(EmbeddedSimulatorOptions.SectionName).Get<EmbeddedSimulatorOptions>() ?? new();
        if (options.AddedLatencyMs > 0)
        {
            foreach (var simulator in cluster.All)
            {
                await simulator.ApplyFaultAsync(FaultSpec.Latency(options.AddedLatencyMs), cancellationToken);
            }
        }
    }

    private SimulatorCluster Started => Cluster ?? throw new InvalidOperationException("The embedded simulators are read before they were started.");

    // The simulators build their catalogues on first use; pay that once here, not in the first request's 2 s budget.
    private static async Task WarmUpAsync(SimulatorCluster cluster, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = cluster.Emis.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/patients/9990000018/record");
        request.Headers.TryAddWithoutValidation("X-Api-Key", cluster.Emis.ApiKey);
        using var response = await client.SendAsync(request, cancellationToken);
    }

    // The Vision adapter keeps MLLP connections open: open one (and run its HL7 path once) before the first request.
    private static async Task WarmUpVisionAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var vision = services.GetRequiredService<IOrganisationDirectory>().All.FirstOrDefault(o => o.Supplier == "vision");
        if (vision is null || !services.GetRequiredService<SupplierAdapterRegistry>().TryGet(vision.Supplier, out var adapter) || !NhsNumber.TryParse("9990000034", out var demo))
        {
            return;
        }

        try
        {
            await adapter.HoldsPatientAsync(vision, demo, cancellationToken);
        }
        catch (SupplierException)
        {
            // A warm-up only: the first request reports whatever is wrong.
        }
    }

    private sealed class ResolveEmbeddedEndpoints(EmbeddedSimulators embedded) : IPostConfigureOptions<OrganisationDirectoryOptions>
    {
        public void PostConfigure(string? name, OrganisationDirectoryOptions options)
        {
            foreach (var organisation in options.Organisations)
            {
                if (organisation.Endpoint is { Scheme: EmbeddedSimulatorOptions.EndpointScheme } endpoint)
                {
                    organisation.Endpoint = endpoint.AbsolutePath switch
                    {
                        "emis" => embedded.Started.Emis.BaseAddress,
                        "tpp" => embedded.Started.Tpp.BaseAddress,
                        "microtest" => embedded.Started.Microtest.BaseAddress,
                        "vision" => new Uri($"mllp://{embedded.Started.Vision.EndPoint}/"),
                        _ => endpoint,
                    };
                }
            }
        }
    }
}
