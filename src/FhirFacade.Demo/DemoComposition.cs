using FhirFacade.Server.Hosting;
using Microsoft.Extensions.Configuration.Json;

namespace FhirFacade.Demo;

/// <summary>
/// What the demo host adds to the production composition (<see cref="FacadeServer"/>): its settings
/// (<see cref="SettingsFile"/>: the embedded simulators, their organisation directory, the development issuer
/// and its demo clients, loopback CORS), the simulated suppliers started in-process, and the demo banner.
/// </summary>
public static class DemoComposition
{
    /// <summary>The demo's settings, beside its binaries; layered over <c>appsettings.json</c>, under environment variables and the command line.</summary>
    public const string SettingsFile = "appsettings.demo.json";

    /// <summary>The additions, for <see cref="FacadeServer.RunAsync"/>.</summary>
    public static FacadeServerAdditions Additions { get; } = new()
    {
        Configure = AddDemoSettings,
        AddServices = builder => EmbeddedSimulators.AddIfEnabled(builder.Services, builder.Configuration),
    };

    /// <summary>Adds <see cref="SettingsFile"/> right after the host's own <c>appsettings*.json</c> files.</summary>
    public static void AddDemoSettings(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = Path.Combine(builder.Environment.ContentRootPath, SettingsFile);
        if (!File.Exists(path))
        {
            path = Path.Combine(AppContext.BaseDirectory, SettingsFile);
        }

        var demo = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Sources[0];
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources;
        var after = -1;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } file } && file.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                after = i;
            }
        }

        sources.Insert(after + 1, demo);
    }
}
