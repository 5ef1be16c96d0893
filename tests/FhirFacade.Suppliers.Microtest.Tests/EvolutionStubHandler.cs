using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// A scripted Evolution API for adapter edge cases the simulator's world never produces at a Microtest
/// practice: issues a token, answers the demographic search with the scripted pages (cursor <c>page-N</c>)
/// each patient summary from the scripted documents (404 for any other NHS number), and each list from the scripted
/// pages keyed by <see cref="ListPath(string, string)"/> (a later page by its cursor; 404 for any other list).
/// Records every path asked for.
/// </summary>
internal sealed class EvolutionStubHandler(
    IReadOnlyList<IReadOnlyList<string>> searchPages,
    IReadOnlyDictionary<string, JsonObject> patients,
    IReadOnlyDictionary<string, JsonObject>? lists = null) : HttpMessageHandler
{
    private const string PatientsPath = "/api/v1/patients";
    private const string CursorPrefix = "page-";

    private readonly ConcurrentQueue<string> _paths = new();

    /// <summary>The Microtest practice the scripted API stands for (nothing listens at its endpoint: the handler answers).</summary>
    public static OrganisationEndpoint Practice { get; } = new() { OdsCode = MicrotestAdapterFixture.OdsCode, Name = "Harbour Lane Practice", Supplier = "microtest", Endpoint = new Uri("http://127.0.0.1:9/") };

    /// <summary>
    /// The adapter built as production builds it (<see cref="MicrotestServiceCollectionExtensions.AddMicrotestSupplier"/>),
    /// talking to this scripted API only. The caller disposes the provider.
    /// </summary>
    public ServiceProvider CreateAdapterServices(int maxPages = 50)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Microtest:ClientId"] = "fhirfacade",
            ["Suppliers:Microtest:ClientSecret"] = "microtest-dev-secret",
            ["Suppliers:Microtest:MaxPages"] = maxPages.ToString(CultureInfo.InvariantCulture),
            ["Suppliers:Microtest:RetryDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddMicrotestSupplier(configuration);
        services.AddHttpClient(MicrotestClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => this);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Every request's path (without query), in the order received.</summary>
    public IReadOnlyList<string> Paths => [.. _paths];

    /// <summary>How many search pages were asked for.</summary>
    public int SearchRequests => Paths.Count(p => p == PatientsPath);

    /// <summary>The path of one patient's summary.</summary>
    public static string PatientPath(string nhsNumber) => $"{PatientsPath}/{nhsNumber}";

    /// <summary>The path of one patient's list (<c>problems</c>, <c>allergies</c>, <c>medications</c>).</summary>
    public static string ListPath(string nhsNumber, string list) => $"{PatientsPath}/{nhsNumber}/{list}";

    /// <summary>The key of a later page of a list: the page the client asks for with <paramref name="cursor"/>.</summary>
    public static string ListPath(string nhsNumber, string list, string cursor) => ListPath(nhsNumber, list) + "#" + cursor;

    /// <summary>
    /// A list's only page (no <c>next_cursor</c>) naming <paramref name="nhsNumber"/> as the patient it is about
    /// (<see langword="null"/> leaves <c>nhs_number</c> out); allergy pages carry <c>no_known_allergies</c> = null.
    /// </summary>
    public static JsonObject ListPage(string? nhsNumber, params JsonObject[] items) => ListPage(nhsNumber, nextCursor: null, items);

    /// <summary>
    /// A list page naming <paramref name="nhsNumber"/>, followed by the page scripted under
    /// <see cref="ListPath(string, string, string)"/> with <paramref name="nextCursor"/> when that is not null.
    /// </summary>
    public static JsonObject ListPage(string? nhsNumber, string? nextCursor, params JsonObject[] items)
    {
        var page = new JsonObject
        {
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode?)i.DeepClone())]),
            ["next_cursor"] = nextCursor,
            ["total"] = items.Length,
            ["no_known_allergies"] = null,
        };
        if (nhsNumber is not null)
        {
            page["nhs_number"] = nhsNumber;
        }

        return page;
    }

    /// <summary>An Evolution <c>patient</c> document (the simulator's wire shape) held at <paramref name="odsCode"/>.</summary>
    public static JsonObject Patient(string nhsNumber, string forename, string surname, string postcode, bool dissent, bool sensitive, string odsCode = MicrotestAdapterFixture.OdsCode) => new()
    {
        ["nhs_number"] = nhsNumber,
        ["title"] = "Mx",
        ["forename"] = forename,
        ["middle_names"] = null,
        ["surname"] = surname,
        ["previous_surnames"] = new JsonArray(),
        ["sex"] = "F",
        ["date_of_birth"] = "14/02/1966",
        ["date_of_death"] = null,
        ["address"] = new JsonObject { ["line1"] = "1 " + forename + " Row", ["line2"] = null, ["town"] = "Plymouth", ["county"] = "Devon", ["postcode"] = postcode },
        ["home_phone"] = null,
        ["mobile_phone"] = null,
        ["email"] = null,
        ["practice"] = new JsonObject { ["ods_code"] = odsCode, ["name"] = "Harbour Lane Practice" },
        ["registration"] = new JsonObject
        {
            ["type"] = "GMS",
            ["start_date"] = "01/04/2010",
            ["usual_gp"] = new JsonObject { ["sds_user_id"] = "555000401001", ["gmc_number"] = "4100001", ["title"] = "Dr", ["forename"] = "Ruth", ["surname"] = "Pascoe" },
        },
        ["sharing_dissent"] = dissent,
        ["sensitive"] = sensitive,
        ["record_version"] = 3,
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        _paths.Enqueue(path);
        if (path == "/oauth/token")
        {
            return Answer(HttpStatusCode.OK, new JsonObject { ["access_token"] = "stub-token", ["token_type"] = "Bearer", ["expires_in"] = 3600 });
        }

        if (path == PatientsPath)
        {
            return Answer(HttpStatusCode.OK, SearchPage(request.RequestUri));
        }

        var listCursor = Query(request.RequestUri, "cursor");
        if (lists is not null && lists.TryGetValue(listCursor is null ? path : path + "#" + listCursor, out var list))
        {
            return Answer(HttpStatusCode.OK, (JsonObject)list.DeepClone());
        }

        var nhsNumber = path.StartsWith(PatientsPath + "/", StringComparison.Ordinal) ? path[(PatientsPath.Length + 1)..] : string.Empty;
        return patients.TryGetValue(nhsNumber, out var patient)
            ? Answer(HttpStatusCode.OK, (JsonObject)patient.DeepClone())
            : Answer(HttpStatusCode.NotFound, new JsonObject { ["error"] = "patient_not_found", ["error_description"] = "No patient with this NHS number at this practice" });
    }

    private static Task<HttpResponseMessage> Answer(HttpStatusCode status, JsonObject body) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });

    private static string? Query(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name && p.Length == 2) is { } pair
            ? Uri.UnescapeDataString(pair[1])
            : null;

    private JsonObject SearchPage(Uri uri)
    {
        var cursor = Query(uri, "cursor");
        var index = cursor is null ? 0 : int.Parse(cursor[CursorPrefix.Length..], CultureInfo.InvariantCulture);
        var page = index < searchPages.Count ? searchPages[index] : [];
        return new JsonObject
        {
            ["items"] = new JsonArray([.. page.Select(n => (JsonNode?)new JsonObject { ["nhs_number"] = n })]),
            ["next_cursor"] = index + 1 < searchPages.Count ? CursorPrefix + (index + 1).ToString(CultureInfo.InvariantCulture) : null,
            ["total"] = searchPages.Sum(p => p.Count),
        };
    }
}
