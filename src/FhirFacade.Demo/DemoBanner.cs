using System.Text;
using FhirFacade.Simulators.World;

namespace FhirFacade.Demo;

/// <summary>
/// Once the demo server has started: logs where the embedded simulators run, and prints to standard output the
/// demo patients with what is special about each, how to get a development token and how to open the viewer.
/// The demo list is printed to the console directly, never through <see cref="ILogger"/>: it holds the
/// simulators' synthetic NHS numbers, and nothing that identifies a patient is ever logged
/// (docs/operations.md §4, docs/adr/0017). Where the facade listens is logged by the production server itself.
/// </summary>
public static partial class DemoBanner
{
    private const string TokenPath = "/dev-auth/token";
    private const string ViewerPath = "/viewer/";
    private const string LaunchPath = "/dev-auth/launch";

    /// <summary>Prints the banner once the host has started, when the simulators are running.</summary>
    public static void Register(WebApplication app, EmbeddedSimulators embedded)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(embedded);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (embedded.Cluster is not { } cluster)
            {
                return;
            }

            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FhirFacade");
            var basePath = app.Services.GetRequiredService<IConfiguration>()["Facade:Server:BasePath"] ?? "/fhir";
            LogEmbedded(logger, "emis", cluster.Emis.BaseAddress.ToString());
            LogEmbedded(logger, "tpp", cluster.Tpp.BaseAddress.ToString());
            LogEmbedded(logger, "microtest", cluster.Microtest.BaseAddress.ToString());
            LogEmbedded(logger, "vision", $"mllp://{cluster.Vision.EndPoint}");
            var server = app.Urls.FirstOrDefault()?.TrimEnd('/') ?? "http://127.0.0.1:5080";
            Console.Out.Write(DemoText(server, basePath, DemoPatientListing.All));
            Console.Out.Flush();
        });
    }
    /// <summary>The demo banner: each demo patient (synthetic) with the registered practice and what is special, the token curl line, the viewer and the EHR launch page.</summary>
    public static string DemoText(string server, string basePath, IReadOnlyList<DemoPatientListing> patients)
    {
        ArgumentNullException.ThrowIfNull(patients);
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine("FhirFacade demo (embedded simulators; every patient below is synthetic)")
            .AppendLine("Demo patients:");
        foreach (var patient in patients)
        {
            var practice = patient.RegisteredPractice.Organisation;
            text.Append("  ").Append(patient.NhsNumber).Append("  ").Append(patient.Name)
                .Append(" (").Append(SupplierName(practice.Supplier)).Append(' ').Append(practice.OdsCode).AppendLine(")")
                .Append("      ").AppendLine(patient.Special);
        }

        return text
            .AppendLine("Get a token (development issuer):")
            .Append("  TOKEN=$(curl -s -X POST ").Append(server).Append(TokenPath)
            .AppendLine(" -d grant_type=client_credentials -d client_id=demo-client -d client_secret=demo-secret -d 'scope=user/*.rs' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')")
            .Append("  curl -s -H \"Authorization: Bearer $TOKEN\" \"").Append(server).Append(basePath)
            .Append("/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|").Append(patients.Count > 0 ? patients[0].NhsNumber : "9990000018").AppendLine("\"")
            .Append("Open the viewer: ").Append(server).AppendLine(ViewerPath)
            .Append("EHR launch of the viewer: ").Append(server).AppendLine(LaunchPath)
            .AppendLine()
            .ToString();
    }

    private static string SupplierName(FhirFacade.Simulators.World.SupplierKind supplier) => supplier switch
    {
        FhirFacade.Simulators.World.SupplierKind.Emis => "EMIS",
        FhirFacade.Simulators.World.SupplierKind.Tpp => "TPP",
        _ => supplier.ToString(),
    };

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Embedded {Supplier} simulator: {BaseAddress}")]
    private static partial void LogEmbedded(ILogger logger, string supplier, string baseAddress);
}
