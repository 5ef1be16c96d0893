using FhirFacade.Core.Audit;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// Writes one audit record per FHIR request — successes, refusals and failures alike — and holds
/// the response back until the record is durably committed (DOMAIN.md: every access is audited;
/// audit cannot be switched off). When the audit trail cannot commit, the buffered response is
/// thrown away and the caller gets 503 with <c>Retry-After</c>: the request fails closed.
/// </summary>
internal sealed partial class AuditMiddleware(
    RequestDelegate next,
    IAuditTrail trail,
    AuditOutcomeWriter outcomeWriter,
    TimeProvider timeProvider,
    ILogger<AuditMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var record = AuditRecordFactory.Create(context, timeProvider.GetUtcNow());
        try
        {
            await trail.AppendAsync(record, context.RequestAborted);
        }
        catch (Exception ex) when (ex is AuditUnavailableException or ArgumentException or InvalidOperationException)
        {
            // Whatever the reason, a response that is not audited is never released.
            LogAuditUnavailable(logger, record.CorrelationId);
            await outcomeWriter.WriteUnavailableAsync(context, context.RequestAborted);
            return;
        }

        buffer.Position = 0;
        if (buffer.Length > 0)
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit trail unavailable; request {CorrelationId} failed closed with 503")]
    private static partial void LogAuditUnavailable(ILogger logger, string correlationId);
}
