using FhirFacade.Core;
using FhirFacade.Core.Location;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Server.Auditing;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Health;
using FhirFacade.Server.Security;
using FhirFacade.Server.Telemetry;
using FhirFacade.Server.Viewer;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// The production server's composition, in one place so that every host runs the same one: the production
/// entry point (<c>Program.cs</c>), the demo host (<c>src/FhirFacade.Demo</c>, which adds the simulated
/// suppliers through <see cref="FacadeServerAdditions"/> and <see cref="IFacadeStartupStep"/>) and the tests
/// that start either. The production server starts from configuration alone; without an organisation
/// directory, a real token issuer or a FHIR package it refuses to start with one message saying what is missing.
/// </summary>
public static class FacadeServer
{
    /// <summary>The first words of every refusal to start, on standard error.</summary>
    public const string CannotStartPrefix = "FhirFacade cannot start: ";

    /// <summary>Builds, starts and runs the server until it is stopped; 0 after a clean stop, 1 when it refused to start.</summary>
    public static async Task<int> RunAsync(string[] args, FacadeServerAdditions? additions = null)
    {
        var builder = CreateBuilder(args);
        additions?.Configure?.Invoke(builder);

        // The FHIR packages first: a missing one stops the start with one message (which package, where it was looked for, how to get it).
        FhirKernel kernel;
        try
        {
            kernel = FhirPackageStartup.OpenKernel(builder.Configuration);
        }
        catch (FhirPackageException missing)
        {
            await Console.Error.WriteLineAsync(CannotStartPrefix + missing.Message);
            return 1;
        }

        builder.AddFhirFacadeServerComposition(kernel);
        additions?.AddServices?.Invoke(builder);
        var app = builder.Build();
        try
        {
            await StartStepsAsync(app, CancellationToken.None);

            // Every setting checked at once, before anything is mapped: one message naming all that is missing, not a host failure's
            // stack trace. (A test host starts the host itself and sees the first failing setting's exception, as from any host.)
            if (!HostedByTestServer(app))
            {
                app.Services.GetService<IStartupValidator>()?.Validate();
            }
            app.UseAndMapFhirFacade();
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException invalid) when (!HostedByTestServer(app))
        {
            await Console.Error.WriteLineAsync(CannotStartPrefix + string.Join(" ", invalid.Failures));
            return 1;
        }
        catch (AggregateException invalid) when (!HostedByTestServer(app) && invalid.InnerExceptions.All(e => e is OptionsValidationException))
        {
            await Console.Error.WriteLineAsync(CannotStartPrefix + string.Join(" ", invalid.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)));
            return 1;
        }
    }

    /// <summary>
    /// The host builder. Started from another folder (<c>dotnet /opt/fhirfacade/FhirFacade.Server.dll</c>), the
    /// settings are beside the binaries, not in the current folder.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
        return WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
    }

    /// <summary>Every service of the production server: the kernel, Core, the supplier adapters the host references, the HTTP surface, probes, audit, SMART, the viewer and telemetry.</summary>
    public static WebApplicationBuilder AddFhirFacadeServerComposition(this WebApplicationBuilder builder, FhirKernel kernel)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddFhirKernel(kernel);
        services.AddFhirFacadeCore(configuration);
        services.AddSingleton<IValidateOptions<OrganisationDirectoryOptions>, ProductionDirectoryValidator>();
        // One Add<Name>Supplier call per supplier project the host references (FhirFacade.Server.csproj writes them).
        SupplierRegistrations.AddSuppliers(services, configuration);
        services.AddFhirFacadeServer(configuration);
        services.AddHealthProbes();
        services.AddRequestAuditing(configuration);
        services.AddSmartSecurity(configuration, FhirBasePath(configuration));
        services.AddViewer();
        services.AddFacadeTelemetry(configuration);
        return builder;
    }

    /// <summary>Runs every registered <see cref="IFacadeStartupStep"/>, in registration order, once the host is built.</summary>
    public static async Task StartStepsAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var step in app.Services.GetServices<IFacadeStartupStep>())
        {
            await step.StartAsync(app, cancellationToken);
        }
    }

    /// <summary>The request pipeline and every endpoint, and the start-up log line naming where the server listens.</summary>
    public static WebApplication UseAndMapFhirFacade(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseFhirFacade();
        app.MapHealthProbes();
        app.MapSmartEndpoints();
        app.MapAuditEvents(FhirBasePath(app.Configuration));
        app.MapFhirFacade();
        app.MapViewer();
        StartupBanner.Register(app);
        return app;
    }

    // Under WebApplicationFactory the test host waits on this entry point to start the host: a refusal must reach it as the
    // exception, not as a message and a quiet return.
    private static bool HostedByTestServer(WebApplication app) =>
        app.Services.GetService<IServer>()?.GetType().FullName == "Microsoft.AspNetCore.TestHost.TestServer";

    private static string FhirBasePath(IConfiguration configuration) => configuration["Facade:Server:BasePath"] ?? "/fhir";

    // The production server has nothing to serve without a directory: it says so at start, not at the first request.
    private sealed class ProductionDirectoryValidator : IValidateOptions<OrganisationDirectoryOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrganisationDirectoryOptions options) =>
            options.Organisations.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Facade:Organisations is empty: configure the organisation directory (each practice's ODS code, supplier, endpoint and credentials; "
                    + "appsettings.Production.example.json shows the shape), or run the demo with simulated suppliers: dotnet run --project src/FhirFacade.Demo.");
    }
}

/// <summary>What a host built on the production composition adds to it (the demo host: its settings and the simulated suppliers).</summary>
public sealed class FacadeServerAdditions
{
    /// <summary>Runs on the new builder before the composition reads any configuration (add configuration sources here).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }

    /// <summary>Runs after the composition has registered its services (add or replace services here).</summary>
    public Action<WebApplicationBuilder>? AddServices { get; init; }
}

/// <summary>Work a host registers to run after the host is built and before the pipeline is mapped and the server listens.</summary>
public interface IFacadeStartupStep
{
    /// <summary>Runs the step; the server does not start until it completes.</summary>
    Task StartAsync(WebApplication app, CancellationToken cancellationToken);
}
