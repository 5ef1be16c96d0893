namespace FhirFacade.Core.Validation;

/// <summary>What happens to a returned resource that fails UK Core validation.</summary>
public enum ValidationPolicy
{
    /// <summary>A resource with errors is withheld and reported in the OperationOutcome (the default).</summary>
    Enforce,

    /// <summary>The resource is returned; its issues are reported in the OperationOutcome.</summary>
    Report,

    /// <summary>No validation (benchmarks only).</summary>
    Off,
}
