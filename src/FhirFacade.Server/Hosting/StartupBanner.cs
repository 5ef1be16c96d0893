namespace FhirFacade.Server.Hosting;

/// <summary>
/// Once the server has started, logs where it listens. A host that adds more (the demo host prints its demo
/// patients and how to get a token) registers its own callback on <see cref="IHostApplicationLifetime.ApplicationStarted"/>.
/// </summary>
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
        });
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "FhirFacade listening: {BaseUrl}")]
    private static partial void LogListening(ILogger logger, string baseUrl);
}
