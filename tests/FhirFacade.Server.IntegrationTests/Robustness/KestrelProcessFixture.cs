using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// The server as its own process on loopback (Kestrel in front, as deployed), its simulated suppliers
/// answering after <see cref="SupplierLatencyMs"/> so that a client can hang up while they are being
/// called. Audit records are read back through the server's own <c>/AuditEvent</c> search.
/// </summary>
public sealed class KestrelProcessFixture : IAsyncLifetime
{
    /// <summary>How long every simulated supplier takes to answer (within the facade's 2 s supplier timeout).</summary>
    public const int SupplierLatencyMs = 1000;

    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "ffkestrel-" + Guid.NewGuid().ToString("N")[..12] + ".db");
    private readonly DateTimeOffset _started = TimeProvider.System.GetUtcNow().AddMinutes(-1);
    private FacadeProcess? _server;

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>A clinician token (<c>user/*.rs</c>).</summary>
    public string UserToken { get; private set; } = string.Empty;

    /// <summary>An auditor token (<c>user/AuditEvent.rs</c>): no clinical scope.</summary>
    public string AuditorToken { get; private set; } = string.Empty;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _server = await FacadeProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Audit:SqlitePath"] = _auditPath,
                ["Facade:EmbeddedSimulators:AddedLatencyMs"] = SupplierLatencyMs.ToString(CultureInfo.InvariantCulture),
            },
            timeout.Token);
        UserToken = await _server.TokenAsync(Client, timeout.Token);
        AuditorToken = await _server.TokenAsync(Client, "user/AuditEvent.rs", timeout.Token);
    }

    /// <summary>
    /// The AuditEvents recorded under <paramref name="correlationId"/>, waiting up to
    /// <paramref name="wait"/> for the first to appear (a request the client left may still be running).
    /// </summary>
    public async Task<IReadOnlyList<JsonNode>> AuditEventsAsync(string correlationId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + wait;
        while (true)
        {
            var found = await SearchAuditAsync(correlationId, cancellationToken);
            if (found.Count > 0 || TimeProvider.System.GetUtcNow() > deadline)
            {
                return found;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var file in new[] { _auditPath, _auditPath + "-wal", _auditPath + "-shm" })
        {
            File.Delete(file);
        }
    }

    private async Task<IReadOnlyList<JsonNode>> SearchAuditAsync(string correlationId, CancellationToken cancellationToken)
    {
        var since = _started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, $"/fhir/AuditEvent?date=ge{since}&_count=500"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AuditorToken);
        using var response = await Client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return [.. (bundle["entry"]?.AsArray() ?? [])
            .Select(e => e!["resource"]!)
            .Where(r => (r["entity"]?.AsArray() ?? []).Any(entity => (entity!["detail"]?.AsArray() ?? [])
                .Any(d => d!["type"]?.GetValue<string>() == "correlation-id" && d["valueString"]?.GetValue<string>() == correlationId)))];
    }
}
