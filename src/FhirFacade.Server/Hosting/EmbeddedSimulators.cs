using FhirFacade.Core.Location;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Suppliers.Emis;
using FhirFacade.Suppliers.Tpp;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>Starts the simulators in-process for the embedded default and wires the directory to them.</summary>
public static class EmbeddedSimulators
{
    /// <summary>
    /// When <c>Facade:EmbeddedSimulators:Enabled</c>, starts a <see cref="SimulatorCluster"/> on loopback,
    /// registers it (tests inject faults through it) and resolves <c>embedded:{supplier}</c> endpoints.
    /// </summary>
    /// <returns>The cluster to dispose when the host stops, or <see langword="null"/> when disabled.</returns>
    public static async Task<SimulatorCluster?> StartIfEnabledAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(EmbeddedSimulatorOptions.SectionName).Get<EmbeddedSimulatorOptions>() ?? new();
        if (!options.Enabled)
        {
            return null;
        }

        var cluster = await SimulatorCluster.StartAsync(new SimulatorClusterOptions(), cancellationToken);
        await WarmUpAsync(cluster, cancellationToken);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddSingleton<IPostConfigureOptions<OrganisationDirectoryOptions>>(new ResolveEmbeddedEndpoints(cluster));
        builder.Services.PostConfigure<EmisOptions>(emis => emis.ApiKey ??= cluster.Emis.ApiKey);
        builder.Services.PostConfigure<TppOptions>(tpp => tpp.ApiKey ??= cluster.Tpp.ApiKey);
        return cluster;
    }

    // The simulators build their catalogues on first use; pay that once here, not in the first request's 2 s budget.
    private static async Task WarmUpAsync(SimulatorCluster cluster, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = cluster.Emis.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/patients/9990000018/record");
        request.Headers.TryAddWithoutValidation("X-Api-Key", cluster.Emis.ApiKey);
        using var response = await client.SendAsync(request, cancellationToken);
    }

    private sealed class ResolveEmbeddedEndpoints(SimulatorCluster cluster) : IPostConfigureOptions<OrganisationDirectoryOptions>
    {
        public void PostConfigure(string? name, OrganisationDirectoryOptions options)
        {
            foreach (var organisation in options.Organisations)
            {
                if (organisation.Endpoint is { Scheme: EmbeddedSimulatorOptions.EndpointScheme } endpoint)
                {
                    organisation.Endpoint = endpoint.AbsolutePath switch
                    {
                        "emis" => cluster.Emis.BaseAddress,
                        "tpp" => cluster.Tpp.BaseAddress,
                        _ => endpoint,
                    };
                }
            }
        }
    }
}
