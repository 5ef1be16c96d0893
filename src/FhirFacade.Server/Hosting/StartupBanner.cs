using System.Text.Json;

namespace FhirFacade.Server.Hosting;

/// <summary>Prints where the facade listens and which demo patients to try, once the server has started.</summary>
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

            foreach (var line in DemoPatients(app.Environment.ContentRootPath))
            {
                LogDemoPatient(logger, line);
            }
        });
    }

    // examples/demo-patients.json is the list the simulators curate; found by walking up from the content root.
    private static IEnumerable<string> DemoPatients(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var file = Path.Combine(directory.FullName, "examples", "demo-patients.json");
            if (!File.Exists(file))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var patients = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement
                : document.RootElement.TryGetProperty("patients", out var list) ? list : default;
            if (patients.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var patient in patients.EnumerateArray())
            {
                var nhs = patient.TryGetProperty("nhsNumber", out var n) ? n.GetString() : null;
                var special = patient.TryGetProperty("special", out var s) ? s.GetString() : null;
                if (nhs is not null)
                {
                    yield return special is null ? nhs : $"{nhs}  {special}";
                }
            }

            yield break;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "FhirFacade listening: {BaseUrl}")]
    private static partial void LogListening(ILogger logger, string baseUrl);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Embedded {Supplier} simulator: {BaseAddress}")]
    private static partial void LogEmbedded(ILogger logger, string supplier, string baseAddress);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Demo patient: {Line}")]
    private static partial void LogDemoPatient(ILogger logger, string line);
}
