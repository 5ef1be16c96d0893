namespace FhirFacade.Server.Auditing;

/// <summary>
/// Marks an answer that releases no data — a request shed by the load limit — as one the audit may release as
/// soon as its record is queued in the trail, in order, instead of after the record is durably committed
/// (docs/audit.md, docs/adr/0010-load-shedding-and-overload.md). The record is still written; if the commit then
/// fails, the caller already had a 503, which is what failing closed would have given it.
/// </summary>
internal sealed class EarlyRelease
{
    private static readonly EarlyRelease Deferred = new(deferRecord: true);
    private static readonly EarlyRelease InOrder = new(deferRecord: false);

    private EarlyRelease(bool deferRecord) => DeferRecord = deferRecord;

    /// <summary>
    /// Whether the record goes in the trail's deferrable queue (committed after the records of answers still waiting, and
    /// without waiting for the disk when alone in a batch), rather than in order with every other record.
    /// </summary>
    public bool DeferRecord { get; }

    /// <summary>Marks the request's answer as releasing no data; <paramref name="deferRecord"/>: see <see cref="DeferRecord"/>.</summary>
    public static void Allow(HttpContext context, bool deferRecord = true) => context.Features.Set(deferRecord ? Deferred : InOrder);

    /// <summary>
    /// The mark, if the answer may go before its record is committed: marked, and still the 503 it was marked as; else null.
    /// </summary>
    public static EarlyRelease? Of(HttpContext context) =>
        context.Features.Get<EarlyRelease>() is { } mark && context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? mark : null;
}
