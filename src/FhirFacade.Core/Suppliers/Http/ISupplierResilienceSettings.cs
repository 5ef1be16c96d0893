namespace FhirFacade.Core.Suppliers.Http;

/// <summary>How one supplier's HTTP calls are retried and timed out (each supplier's options implement it).</summary>
public interface ISupplierResilienceSettings
{
    /// <summary>Timeout of one attempt.</summary>
    TimeSpan AttemptTimeout { get; }

    /// <summary>Retries after a connection failure or a 5xx answer (0 = none).</summary>
    int MaxRetries { get; }

    /// <summary>Pause before a retry.</summary>
    TimeSpan RetryDelay { get; }
}
