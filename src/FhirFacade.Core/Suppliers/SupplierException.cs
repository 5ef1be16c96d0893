namespace FhirFacade.Core.Suppliers;

/// <summary>
/// Thrown by an adapter when a supplier call failed as a whole (transport error, error status,
/// unreadable payload). The gateway turns it into an OperationOutcome issue naming supplier and
/// organisation; the message is for logs and must not hold supplier payloads or patient data.
/// </summary>
public sealed class SupplierException : Exception
{
    public SupplierException(SupplierFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public SupplierException()
        : this(SupplierFailureKind.Unavailable, "Supplier call failed.")
    {
    }

    public SupplierException(string message)
        : this(SupplierFailureKind.Unavailable, message)
    {
    }

    public SupplierException(string message, Exception innerException)
        : this(SupplierFailureKind.Unavailable, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public SupplierFailureKind Kind { get; }
}
