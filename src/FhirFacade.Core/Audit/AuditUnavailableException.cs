namespace FhirFacade.Core.Audit;

/// <summary>
/// The audit store cannot durably record (or read) right now. The request must fail closed:
/// the server answers 503 with <c>Retry-After</c> and releases no data.
/// </summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException()
        : base("The audit trail is unavailable.")
    {
    }

    public AuditUnavailableException(string message)
        : base(message)
    {
    }

    public AuditUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
