namespace FhirFacade.Simulators.Microtest;

/// <summary>Options of the simulated Microtest Evolution API.</summary>
public sealed class MicrotestSimulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 (default) picks a free port.</summary>
    public int Port { get; set; }

    public string ClientId { get; set; } = "fhirfacade";

    public string ClientSecret { get; set; } = "microtest-dev-secret";

    /// <summary>Lifetime of issued access tokens (default 1 hour; make it short in tests).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clock for token expiry (default the system clock).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Longest a hang fault holds a request (default 30 s).</summary>
    public TimeSpan MaxHang { get; set; } = TimeSpan.FromSeconds(30);
}
