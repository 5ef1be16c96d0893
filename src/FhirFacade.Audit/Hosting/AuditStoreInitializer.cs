using FhirFacade.Core.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Audit.Hosting;

/// <summary>
/// Creates the audit schema at start-up. A store that cannot be reached does not stop the host:
/// every request then fails closed (503) until the store is back, which the writer retries per batch.
/// </summary>
internal sealed class AuditStoreInitializer(IAuditStore store, IOptions<AuditOptions> options, ILogger<AuditStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            AuditLog.Initialized(logger, options.Value.Store);
        }
        catch (AuditUnavailableException exception)
        {
            AuditLog.InitializationFailed(logger, options.Value.Store, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
