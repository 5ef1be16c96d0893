namespace FhirFacade.Core.Gateway;

/// <summary>
/// How far behind the facade's own process has fallen: the total time its work has waited for a
/// thread (thread-pool starvation, CPU saturation, long pauses). The gateway reads it before and
/// after a supplier call that ran out of time, to tell the facade's overload from the supplier's
/// slowness (docs/adr/0008-load-shedding-and-overload.md).
/// </summary>
public interface IProcessLoad
{
    /// <summary>Time the process's work has spent waiting for a thread since start; only ever grows.</summary>
    TimeSpan StarvedTime { get; }
}
