using System.Net.Sockets;
using FhirFacade.Core.Location;

namespace FhirFacade.Server.Health;

/// <summary>
/// Tries a TCP connection to every organisation's supplier endpoint (each distinct host and port once,
/// in parallel, at most <see cref="ConnectTimeout"/> each). It speaks no supplier protocol, sends no
/// patient query and uses no credentials: it tells an operator whether the network path is open. How
/// well a supplier answers shows in the gateway's metrics (docs/load.md). Never part of readiness: a
/// supplier that is down leaves the facade serving the others, with an OperationOutcome naming it.
/// </summary>
internal sealed class SupplierReachabilityProbe(IOrganisationDirectory directory, TimeProvider timeProvider)
{
    /// <summary>How long one connection attempt may take.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<SupplierReachabilityReport> ProbeAsync(CancellationToken cancellationToken)
    {
        var organisations = directory.All;
        var attempts = organisations
            .Select(o => Address(o.Endpoint))
            .OfType<(string Host, int Port)>()
            .Distinct()
            .ToDictionary(address => address, address => ConnectAsync(address.Host, address.Port, cancellationToken));
        await Task.WhenAll(attempts.Values);

        var rows = new List<OrganisationReachability>(organisations.Count);
        foreach (var organisation in organisations)
        {
            if (Address(organisation.Endpoint) is { } address)
            {
                var (reachable, milliseconds) = await attempts[address];
                rows.Add(new OrganisationReachability(organisation.OdsCode, organisation.Supplier, reachable, milliseconds));
            }
            else
            {
                rows.Add(new OrganisationReachability(organisation.OdsCode, organisation.Supplier, false, 0));
            }
        }

        return new SupplierReachabilityReport(rows.All(r => r.Reachable) ? "Healthy" : "Degraded", rows);
    }

    // An endpoint without a host and port (an unresolved embedded: one, mllp:// without a port) cannot be reached.
    private static (string Host, int Port)? Address(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true, Port: > 0 } && endpoint.IdnHost.Length > 0 ? (endpoint.IdnHost, endpoint.Port) : null;

    private async Task<(bool Reachable, long Milliseconds)> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(ConnectTimeout, timeProvider);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new TcpClient();
        bool reachable;
        try
        {
            await client.ConnectAsync(host, port, attempt.Token);
            reachable = true;
        }
        catch (SocketException)
        {
            reachable = false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reachable = false;
        }

        return (reachable, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
    }
}
