using FhirFacade.Demo;
using FhirFacade.Server.Hosting;

// The demo: the production server's composition with the simulated suppliers started in-process on loopback,
// the development issuer and the demo banner (every patient is synthetic). `dotnet run --project src/FhirFacade.Demo`.
return await FacadeServer.RunAsync(args, DemoComposition.Additions);

namespace FhirFacade.Demo
{
    /// <summary>The demo host's assembly, for tests that start it in memory (<c>WebApplicationFactory&lt;DemoHost&gt;</c>).</summary>
    public sealed class DemoHost
    {
        private DemoHost()
        {
        }
    }
}
