using Polly.Timeout;

namespace FhirFacade.Core.Suppliers.Http;

/// <summary>
/// How an HTTP supplier call that failed in transport becomes a <see cref="SupplierException"/>, the same at every
/// supplier: an attempt that ran out (<see cref="SupplierResilienceHandler"/>'s timeout) is a timeout; a connection
/// that could not be made, or broke while the answer was read, is "unavailable". Messages name the supplier only.
/// </summary>
public static class SupplierHttpFailures
{
    /// <summary>Whether <paramref name="exception"/> is a transport failure <see cref="From"/> translates.</summary>
    public static bool IsTransport(Exception exception) =>
        exception is TimeoutRejectedException or HttpRequestException or IOException;

    /// <summary>The failure of a call to <paramref name="supplier"/> (<c>EMIS</c>) that failed with <paramref name="exception"/>.</summary>
    public static SupplierException From(string supplier, Exception exception) => exception switch
    {
        TimeoutRejectedException => new SupplierException(SupplierFailureKind.Timeout, $"{supplier} did not answer within the attempt timeout.", exception),
        HttpRequestException => new SupplierException(SupplierFailureKind.Unavailable, $"{supplier} could not be reached.", exception),
        _ => new SupplierException(SupplierFailureKind.Unavailable, $"The {supplier} connection failed while reading.", exception),
    };
}
