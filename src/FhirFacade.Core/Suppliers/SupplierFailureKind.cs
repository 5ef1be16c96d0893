namespace FhirFacade.Core.Suppliers;

/// <summary>Why a supplier call failed, deciding 502, 504, (for a refusal) 403 or (for the facade's own overload) 503 when nothing else could answer.</summary>
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

    /// <summary>
    /// The organisation's system refused to share: its third-party sharing is switched off. Not a fault:
    /// a search reports it as a warning (200 even when it was the only source); a read is refused with
    /// 403 (docs/adr/0006-organisation-sharing-refusals.md).
    /// </summary>
    Refused,

    /// <summary>
    /// Not the supplier's failure: the call ran out of time while the facade's own process was
    /// overloaded (its work starved of threads or CPU), so nothing can be said about the supplier.
    /// Reported as <c>FACADE-OVERLOADED</c>; 503 with <c>Retry-After</c> when nothing else could answer
    /// (docs/adr/0010-load-shedding-and-overload.md).
    /// </summary>
    FacadeOverloaded,
}
