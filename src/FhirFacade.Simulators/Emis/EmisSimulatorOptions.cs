namespace FhirFacade.Simulators.Emis;

/// <summary>Options of the simulated EMIS Web API.</summary>
public sealed class EmisSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Value the <c>X-Api-Key</c> header must carry.</summary>
    public string ApiKey { get; set; } = "emis-dev-key";

    /// <summary>Longest a hang fault holds a request (default 30 s).</summary>
    public TimeSpan MaxHang { get; set; } = TimeSpan.FromSeconds(30);
}
