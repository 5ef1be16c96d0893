namespace FhirFacade.Server.Auditing;

/// <summary>
/// Marks an answer that releases no data — a request shed by the load limit — as one the audit may release as
/// soon as its record is queued in the trail, in order, instead of after the record is durably committed
/// (docs/audit.md, docs/adr/0010-load-shedding-and-overload.md). The record is still written; if the commit then
/// fails, the caller already had a 503, which is what failing closed would have given it.
/// </summary>
internal sealed class EarlyRelease
{
    private static readonly EarlyRelease Marker = new();

    private EarlyRelease()
    {
    }

    /// <summary>Marks the request's answer as releasing no data.</summary>
    public static void Allow(HttpContext context) => context.Features.Set(Marker);

    /// <summary>Whether the answer may go before its record is committed: marked, and still the 503 it was marked as.</summary>
    public static bool Applies(HttpContext context) =>
        context.Features.Get<EarlyRelease>() is not null && context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
}
