namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>A facade whose supplier calls give up quickly, for the hang and latency faults.</summary>
public sealed class ShortTimeoutFacadeServerFactory : FacadeServerFactory
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:Gateway:SupplierTimeout"] = "00:00:00.400",
        ["Facade:Gateway:OverallBudget"] = "00:00:00.600",
        ["Suppliers:Emis:AttemptTimeout"] = "00:00:00.300",
        ["Suppliers:Vision:AttemptTimeout"] = "00:00:00.300",
    };
}
