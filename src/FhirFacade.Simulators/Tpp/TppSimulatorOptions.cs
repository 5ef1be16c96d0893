namespace FhirFacade.Simulators.Tpp;

/// <summary>Options of the simulated SystmOne query API.</summary>
public sealed class TppSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Value the <c>X-TPP-Api-Key</c> header must carry.</summary>
    public string ApiKey { get; set; } = "tpp-dev-key";

    /// <summary>Longest a hang fault holds a request (default 30 s).</summary>
    public TimeSpan MaxHang { get; set; } = TimeSpan.FromSeconds(30);
}
