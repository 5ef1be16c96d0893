using Microsoft.AspNetCore.Connections;

namespace FhirFacade.Server.Http;

/// <summary>
/// Whether an exception means the caller went away rather than that the facade failed: a connection reset
/// (Kestrel's <see cref="ConnectionResetException"/>, which can surface from a body read before the request's
/// abort signal fires) or an I/O failure or cancellation once the request was aborted.
/// </summary>
internal static class ClientDisconnect
{
    public static bool Is(HttpContext context, Exception exception) =>
        exception is ConnectionResetException
        || (exception is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested);

    /// <summary>Records on the request that the caller went away, when <paramref name="exception"/> says so.</summary>
    public static bool Record(HttpContext context, Exception exception)
    {
        if (!Is(context, exception))
        {
            return false;
        }

        FacadeRequestFeature.Of(context).ClientGone = true;
        return true;
    }
}
