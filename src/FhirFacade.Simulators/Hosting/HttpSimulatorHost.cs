using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using FhirFacade.Simulators.Faults;

namespace FhirFacade.Simulators.Hosting;

/// <summary>
/// Runs one HTTP simulator as Kestrel on 127.0.0.1, and really stops and restarts the listener (on
/// the same port) when a ConnectionRefused fault is set and cleared.
/// </summary>
internal sealed class HttpSimulatorHost : IAsyncDisposable
{
    private readonly Action<WebApplication> _mapEndpoints;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;
    private CancellationTokenSource _sessionCancellation = new();
    private int _port;
    private bool _disposed;

    public HttpSimulatorHost(int port, TimeSpan maxHang, Action<WebApplication> mapEndpoints)
    {
        _port = port;
        MaxHang = maxHang;
        _mapEndpoints = mapEndpoints;
        Faults.Changed += (_, _) => _ = SyncListenerAsync(CancellationToken.None);
    }

    public FaultController Faults { get; } = new();

    public TimeSpan MaxHang { get; }

    /// <summary>Cancelled when the listener stops (refused fault or shutdown): ends hanging requests.</summary>
    public CancellationToken SessionToken => _sessionCancellation.Token;

    public bool IsListening => _app is not null;

    public Uri BaseAddress => new($"http://127.0.0.1:{_port}/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task ApplyFaultAsync(FaultSpec fault, CancellationToken cancellationToken)
    {
        Faults.Set(fault);
        await SyncListenerAsync(cancellationToken);
    }

    public async Task ClearFaultsAsync(CancellationToken cancellationToken)
    {
        Faults.Clear();
        await SyncListenerAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            await StopCoreAsync();
        }
        finally
        {
            _gate.Release();
        }

        _sessionCancellation.Dispose();
    }

    private async Task SyncListenerAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_disposed)
            {
                return;
            }

            if (Faults.IsRefusingConnections && _app is not null)
            {
                await StopCoreAsync();
            }
            else if (!Faults.IsRefusingConnections && _app is null)
            {
                await StartCoreAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();

        // A simulator is "the outside world": it must not pick up the configuration of whatever
        // process hosts it (appsettings.json in the current folder, ASPNETCORE_URLS…). In tests that
        // folder holds the facade's appsettings.json, whose Urls would otherwise reach these hosts.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, _port));
        var app = builder.Build();
        if (_sessionCancellation.IsCancellationRequested)
        {
            _sessionCancellation.Dispose();
            _sessionCancellation = new CancellationTokenSource();
        }

        FaultAdminEndpoints.Map(app, Faults);
        _mapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
        _app = app;
    }

    private async Task StopCoreAsync()
    {
        if (_app is null)
        {
            return;
        }

        await _sessionCancellation.CancelAsync();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _app = null;
    }
}
