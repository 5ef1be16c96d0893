using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Microtest;

/// <summary>The simulated Microtest Evolution API: OAuth2 client credentials, JSON, cursor paging (docs/suppliers/microtest.md).</summary>
public sealed class MicrotestSimulator : ISupplierSimulator
{
    private readonly HttpSimulatorHost _host;

    private MicrotestSimulator(MicrotestSimulatorOptions options)
    {
        ClientId = options.ClientId;
        ClientSecret = options.ClientSecret;
        Tokens = new MicrotestTokenStore(options.TimeProvider, options.TokenLifetime);
        _host = new HttpSimulatorHost(options.Port, options.MaxHang, app => MicrotestEndpoints.Map(app, this));
    }

    public SupplierKind Supplier => SupplierKind.Microtest;

    /// <summary>Base address; the token endpoint is <c>oauth/token</c>, the API is under <c>api/v1/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The token endpoint (client credentials grant).</summary>
    public Uri TokenEndpoint => new(_host.BaseAddress, "oauth/token");

    public string ClientId { get; }

    public string ClientSecret { get; }

    public FaultController Faults => _host.Faults;

    public bool IsListening => _host.IsListening;

    internal HttpSimulatorHost Host => _host;

    internal MicrotestTokenStore Tokens { get; }

    public static async Task<MicrotestSimulator> StartAsync(MicrotestSimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulator = new MicrotestSimulator(options);
        await simulator._host.StartAsync(cancellationToken);
        return simulator;
    }

    /// <summary>
    /// Expires every access token issued so far (a client still holding one gets <c>401 invalid_token</c>
    /// and must fetch a new one); tokens issued afterwards are valid as usual.
    /// </summary>
    public void ExpireIssuedTokens() => Tokens.ExpireAll();

    public Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken) => _host.ApplyFaultAsync(fault, cancellationToken);

    public Task ClearFaultsAsync(CancellationToken cancellationToken) => _host.ClearFaultsAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
