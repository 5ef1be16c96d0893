namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>A facade whose embedded simulators all add <see cref="LatencyMs"/> to every request (Facade:EmbeddedSimulators:AddedLatencyMs).</summary>
public sealed class AddedLatencyFacadeServerFactory : FacadeServerFactory
{
    public const int LatencyMs = 50;

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:EmbeddedSimulators:AddedLatencyMs"] = LatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
