using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The facade on real Kestrel (127.0.0.1, a free port) instead of the in-memory test server, for the
/// tests whose answer depends on what Kestrel does to a request path before routing sees it
/// (percent-decoding, dot segments, <c>%2F</c>). Requests go through <see cref="RawClient"/>, which
/// sends each path exactly as written.
/// </summary>
public sealed class KestrelFacadeServerFactory : FacadeServerFactory, IAsyncLifetime
{
    private HttpClient? _raw;

    public KestrelFacadeServerFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    /// <summary>Where Kestrel listens (<c>http://127.0.0.1:port</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A client that sends paths byte for byte (no dot-segment removal, no unescaping) and follows no redirects.</summary>
    public HttpClient RawClient => _raw ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>An absolute URI for <paramref name="pathAndQuery"/> that no layer of the client rewrites.</summary>
    public Uri Raw(string pathAndQuery) =>
        new(Address.GetLeftPart(UriPartial.Authority) + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        _raw = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        _raw?.Dispose();
        return Task.CompletedTask;
    }
}
