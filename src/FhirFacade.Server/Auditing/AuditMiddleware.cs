using System.Diagnostics;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Errors;
using FhirFacade.Server.Health;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.Auditing;

/// <summary>
/// Writes one audit record per request that reaches the application — successes, refusals and
/// failures alike, every request but the load balancer's probes (<see cref="ProbeEndpoint"/>) — and holds the response back until the record is durably committed (docs/domain.md:
/// every access is audited; audit cannot be switched off). Every way a request can end is covered:
/// <list type="bullet">
/// <item>an exception that gets past the exception handler (the handler itself failed) is answered
/// here with a fixed 500 OperationOutcome, and audited as such;</item>
/// <item>a client that goes away after the suppliers were called still gets its record (as 499): the
/// append does not listen to the request's abort;</item>
/// <item>when the trail cannot commit, for whatever reason, the buffered answer is thrown away and the
/// caller gets 503 with <c>Retry-After</c>: the request fails closed and nothing is released.</item>
/// <item>the one exception to "committed before released": a request shed by the load limit (<see cref="EarlyRelease"/>),
/// whose 503 releases no data, is answered once its record is queued; the commit follows on its own.</item>
/// </list>
/// The answer is held in a <see cref="HeldResponseBody"/>: a whole serialized answer is kept as the serializer made it, not copied.
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
        // The load balancer's probes carry no caller, patient or supplier, and liveness must not depend
        // on the store (docs/audit.md "Probes"); only the endpoint routing chose makes a request a probe.
        if (ProbeEndpoint.IsProbe(context))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new HeldResponseBody();
        context.Response.Body = buffer;
        var cut = false;
        try
        {
            await next(context);
        }
        catch (Exception exception) when (ClientDisconnect.Record(context, exception))
        {
            // The client went away while the answer was being prepared (the handler's write listens to the
            // abort too): there is no one to answer, only the record to write (499).
            LogClientGone(logger, context.TraceIdentifier);
        }
        catch (Exception exception)
        {
            // Only an exception the exception handler could not answer gets here. The answer is still
            // buffered, so it can be replaced; were it somehow already on its way, the connection is cut
            // once the request is audited, so that a half-written answer is never taken for a whole one.
            LogUnanswered(logger, exception, context.TraceIdentifier);
            if (context.Response.HasStarted)
            {
                cut = true;
            }
            else
            {
                await WriteFallbackAsync(context);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        AuditRecord? record = null;
        try
        {
            record = AuditRecordFactory.Create(context, timeProvider.GetUtcNow());

            // Not the request's abort token: a client that hangs up after the suppliers were called is
            // still audited. The store bounds its own wait (queue capacity, command timeout).
            var append = trail.AppendAsync(record, CancellationToken.None);
            if (!cut && !append.IsCompleted && EarlyRelease.Applies(context))
            {
                // A shed 503 releases no data: once its record is queued (in order, in the chain), the answer
                // need not wait for the commit. A record refused at once (queue full, closed store) has completed
                // already and fails closed below like any other.
                await ReleaseShedAsync(context, buffer, original, append, record.CorrelationId);
                return;
            }

            await append;
            Activity.Current?.AddEvent(new ActivityEvent("fhirfacade.audit.committed"));
        }
        catch (Exception exception)
        {
            // Whatever the reason (store down, queue full, a record the rules refuse), a response that is
            // not audited is never released.
            LogAuditUnavailable(logger, exception.GetType().Name, record?.CorrelationId ?? context.TraceIdentifier);
            await ReleaseAsync(context, () => outcomeWriter.WriteUnavailableAsync(context, context.RequestAborted));
            return;
        }

        if (cut)
        {
            context.Abort();
            return;
        }

        if (buffer.Length > 0)
        {
            await ReleaseAsync(context, () => buffer.ReleaseAsync(original, context.RequestAborted));
        }
    }

    // The shed answer goes at once, and the request ends without waiting for the commit (the store commits what is
    // queued, on a graceful stop too). If the commit fails, the caller already has its 503, which is what failing
    // closed gives; the loss is logged.
    private async Task ReleaseShedAsync(HttpContext context, HeldResponseBody buffer, Stream original, ValueTask<AuditEntry> append, string correlationId)
    {
        _ = ObserveShedRecordAsync(append, correlationId);
        await ReleaseAsync(context, () => buffer.ReleaseAsync(original, context.RequestAborted));
    }

    private async Task ObserveShedRecordAsync(ValueTask<AuditEntry> append, string correlationId)
    {
        try
        {
            await append;
        }
        catch (Exception exception)
        {
            LogShedRecordLost(logger, exception.GetType().Name, correlationId);
        }
    }

    private static async Task WriteFallbackAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = FallbackOutcome.Status;
        var format = FormatNegotiator.Current(context);
        context.Response.ContentType = FhirMediaTypes.ContentType(format);
        var body = FallbackOutcome.Body(format, context.TraceIdentifier);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    // Writing to a client that has gone away fails; the record is already committed, so there is nothing left to do.
    private async Task ReleaseAsync(HttpContext context, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            LogClientGone(logger, context.TraceIdentifier);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit trail unavailable ({Reason}); request {CorrelationId} failed closed with 503")]
    private static partial void LogAuditUnavailable(ILogger logger, string reason, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit trail unavailable ({Reason}); request {CorrelationId} had been shed with 503 and its record is lost")]
    private static partial void LogShedRecordLost(ILogger logger, string reason, string correlationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {CorrelationId} failed and the exception handler could not answer it; answered 500")]
    private static partial void LogUnanswered(ILogger logger, Exception exception, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {CorrelationId}: the client went away before the answer was released")]
    private static partial void LogClientGone(ILogger logger, string correlationId);
}
