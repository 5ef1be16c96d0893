namespace FhirFacade.Core.Suppliers;

/// <summary>Why a supplier call failed, deciding 502 or 504 when nothing else could answer.</summary>
public enum SupplierFailureKind
{
    /// <summary>Refused, unreachable, or answered with an error: 502.</summary>
    Unavailable,

    /// <summary>Did not answer in time: 504.</summary>
    Timeout,

    /// <summary>Answered with something that is not its documented format: 502.</summary>
    Malformed,

    /// <summary>Refused the facade's credentials: 502.</summary>
    Unauthorized,
}
