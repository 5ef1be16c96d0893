using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Health;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// The process's start and stop as the probes and the pipeline see them. Started: readiness may pass.
/// Stopping (SIGTERM; before the server stops listening): draining at once — readiness 503, new requests
/// 503 (<see cref="DrainingMiddleware"/>) — then <see cref="ShutdownOptions.DrainDelay"/> before the server
/// stops. Stopped (every request finished or cut at the bound): the audit writer commits what it holds and
/// closes, inside the bound, rather than when the container is disposed.
/// </summary>
internal sealed partial class GracefulShutdown(
    FacadeLifecycle lifecycle,
    IAuditTrail trail,
    IOptions<ShutdownOptions> options,
    TimeProvider timeProvider,
    ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lifecycle.MarkStarted();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        lifecycle.BeginDraining();
        var delay = options.Value.DrainDelay;
        LogDraining(logger, delay.TotalSeconds);
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown bound is over: stop now.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (trail is not IAuditStore store)
        {
            return;
        }

        // Closing the writer commits every record already queued; an append after this fails (503), never silently.
        var started = timeProvider.GetTimestamp();
        await store.DisposeAsync();
        LogAuditFlushed(logger, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Shutting down: readiness is 503 and new requests are turned away; the server stops listening in {DrainDelaySeconds} s")]
    private static partial void LogDraining(ILogger logger, double drainDelaySeconds);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Audit writer flushed and closed in {ElapsedMilliseconds} ms")]
    private static partial void LogAuditFlushed(ILogger logger, long elapsedMilliseconds);
}
