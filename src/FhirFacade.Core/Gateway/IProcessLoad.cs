namespace FhirFacade.Core.Gateway;

/// <summary>
/// How far behind the facade's own process has fallen. The gateway reads it when a supplier call
/// starts and when it runs out of time, to tell the facade's overload from the supplier's slowness
/// (docs/adr/0010-load-shedding-and-overload.md).
/// </summary>
public interface IProcessLoad
{
    /// <summary>The running totals now; each only ever grows.</summary>
    ProcessLoad Read();
}
