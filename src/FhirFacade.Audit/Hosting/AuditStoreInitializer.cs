using FhirFacade.Core.Audit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Audit.Hosting;

/// <summary>
/// Creates the audit schema at start-up. A store that cannot be reached does not stop the host:
/// every request then fails closed (503) until the store is back, which the writer retries per batch.
/// It initialises whatever <see cref="IAuditTrail"/> resolves to, so a test that replaces the trail
/// (e.g. with an in-memory one) never touches the configured database.
/// </summary>
internal sealed class AuditStoreInitializer(IAuditTrail trail, IOptions<AuditOptions> options, ILogger<AuditStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (trail is not IAuditStore store)
        {
            return;
        }

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
