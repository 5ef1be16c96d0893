using FhirFacade.TestKit.Server;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// Two pages' origins of their own (static servers on other loopback ports) and a facade configured as
/// production would be for one browser app: <see cref="Allowed"/> is its one allowed origin, loopback
/// origins are otherwise off, so <see cref="NotAllowed"/> is refused although it is loopback too.
/// </summary>
public sealed class CrossOriginFixture : IAsyncLifetime
{
    public StaticOriginServer Allowed { get; private set; } = null!;

    public StaticOriginServer NotAllowed { get; private set; } = null!;

    public FacadeProcess Facade { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Allowed = StaticOriginServer.Start();
        NotAllowed = StaticOriginServer.Start();
        Facade = await FacadeProcess.StartAsync(
            ViewerFixture.ServerOptions(new Dictionary<string, string>
            {
                ["Facade:Cors:AllowLoopbackOrigins"] = "false",
                ["Facade:Cors:AllowedOrigins:0"] = Allowed.Origin,
            }),
            CancellationToken.None);
        Allowed.ServeViewerFrom(Facade.Root);
        NotAllowed.ServeViewerFrom(Facade.Root);
    }

    public async Task DisposeAsync()
    {
        if (Facade is not null)
        {
            await Facade.DisposeAsync();
        }

        if (Allowed is not null)
        {
            await Allowed.DisposeAsync();
        }

        if (NotAllowed is not null)
        {
            await NotAllowed.DisposeAsync();
        }
    }
}
