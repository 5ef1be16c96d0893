using FhirFacade.Demo;
using FhirFacade.Server.Hosting;

// The demo: the production server's composition with the simulated suppliers started in-process on loopback,
// the development issuer and the demo banner (every patient is synthetic). `dotnet run --project src/FhirFacade.Demo`.
return await FacadeServer.RunAsync(args, DemoComposition.Additions);
