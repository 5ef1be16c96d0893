namespace FhirFacade.Server.Hosting;

/// <summary>Prints where the facade listens and where the demo patients are listed, once the server has started.</summary>
internal static partial class StartupBanner
{
    public static void Register(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FhirFacade");
            var basePath = app.Services.GetRequiredService<BaseUrl>().BasePath;
            foreach (var url in app.Urls)
            {
                LogListening(logger, url.TrimEnd('/') + basePath);
            }

            if (app.Services.GetService<EmbeddedSimulators>()?.Cluster is { } cluster)
            {
                LogEmbedded(logger, "emis", cluster.Emis.BaseAddress.ToString());
                LogEmbedded(logger, "tpp", cluster.Tpp.BaseAddress.ToString());
                LogEmbedded(logger, "microtest", cluster.Microtest.BaseAddress.ToString());
                LogEmbedded(logger, "vision", $"mllp://{cluster.Vision.EndPoint}");
            }

            // The list's path, not its NHS numbers: nothing that identifies a patient is ever logged, synthetic or not.
            if (DemoPatientList(app.Environment.ContentRootPath) is { } list)
            {
                LogDemoPatients(logger, list);
            }
        });
    }

    // examples/demo-patients.json is the list the simulators curate; found by walking up from the content root.
    private static string? DemoPatientList(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "examples", "demo-patients.json");
            if (File.Exists(file))
            {
                return file;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "FhirFacade listening: {BaseUrl}")]
    private static partial void LogListening(ILogger logger, string baseUrl);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Embedded {Supplier} simulator: {BaseAddress}")]
    private static partial void LogEmbedded(ILogger logger, string supplier, string baseAddress);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Demo patients (synthetic) and what is special about each: {Path}")]
    private static partial void LogDemoPatients(ILogger logger, string path);
}
