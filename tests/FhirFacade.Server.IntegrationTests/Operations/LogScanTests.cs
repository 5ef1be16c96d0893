using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FhirFacade.Fhir.Packages;
using FluentAssertions.Execution;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Faults;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.World;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// A representative slice of traffic through the real server and simulators — every demo patient
/// (examples/demo-patients.json): the Patient search and read, the searches of each clinical type and a
/// read of what they found; refusals, bad input, and suppliers failing and sending broken payloads — with
/// a logger that keeps everything. Nothing logged, at the levels the shipped configuration sets and with
/// the facade's own categories down to Trace, holds a demo patient's NHS number, name or date of birth;
/// every line logged inside a request carries that request's correlation id.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LogScanTests
{
    private static readonly string[] ClinicalTypes = ["MedicationStatement", "AllergyIntolerance", "Condition"];

    [Fact]
    public async Task RepresentativeTraffic_LogsNoPatientIdentifierNameOrBirthDate_AndEveryRequestLineCarriesItsCorrelationId()
    {
        var capture = new CapturingLoggerProvider();
        await using var factory = new CapturingFactory(capture);
        var client = factory.CreateClient();
        var demo = DemoPatientsList();
        var identifying = new HashSet<string>(StringComparer.Ordinal);
        var sent = new HashSet<string>(StringComparer.Ordinal);

        await factory.Simulators.Get(SupplierKind.Emis).ApplyAsync(SupplierFault.ServerError, TestPatients.AllFourSuppliers);
        await factory.Simulators.Get(SupplierKind.Vision).ApplyAsync(SupplierFault.MalformedPayload, TestPatients.AllFourSuppliers);
        foreach (var (nhsNumber, name) in demo)
        {
            identifying.Add(nhsNumber);
            identifying.Add(string.Create(CultureInfo.InvariantCulture, $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}"));
            identifying.UnionWith(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var patients = await GetAsync(client, sent, $"/fhir/Patient?identifier={FhirHttp.Nhs}{nhsNumber}");
            foreach (var patient in patients.Entries())
            {
                identifying.UnionWith(IdentifyingValues(patient));
                await GetAsync(client, sent, $"/fhir/Patient/{patient["id"]!.GetValue<string>()}");
            }

            foreach (var type in ClinicalTypes)
            {
                var found = await GetAsync(client, sent, $"/fhir/{type}?patient.identifier={FhirHttp.Nhs}{nhsNumber}");
                if (found.Entries() is [var first, ..])
                {
                    await GetAsync(client, sent, $"/fhir/{type}/{first["id"]!.GetValue<string>()}");
                }
            }

            await GetAsync(client, sent, $"/fhir/Condition/_search", form: new() { ["patient.identifier"] = FhirHttp.Nhs + nhsNumber });
            await GetAsync(factory.CreateAnonymousClient(), sent, $"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{nhsNumber}");
            await GetAsync(client, sent, $"/fhir/Observation?patient.identifier={FhirHttp.Nhs}{nhsNumber}");
            await GetAsync(client, sent, $"/fhir/Patient?identifier={FhirHttp.Nhs}{nhsNumber[..9]}7");
            await GetAsync(client, sent, $"/fhir/Patient/{nhsNumber}");
        }

        var logs = capture.Logs;
        var leaks = logs
            .SelectMany(log => identifying.Where(value => Contains(log.AllText, value)).Select(value => $"{log.Category} [{log.Level}] holds '{value}': {log.Message}"))
            .ToList();
        var withoutCorrelation = logs
            .Where(log => log.RequestTraceIdentifier is { } request && sent.Contains(request)
                && !(log.Scopes.TryGetValue(CorrelationScope.PropertyName, out var id) && id == request))
            .Select(log => $"{log.Category}: {log.Message}")
            .ToList();

        using var scope = new AssertionScope();
        identifying.Should().Contain(value => value.Contains('-', StringComparison.Ordinal), "the birth dates of the demo patients were read back");
        logs.Where(log => log.RequestTraceIdentifier is { } request && sent.Contains(request))
            .Should().NotBeEmpty("the traffic makes the facade log inside requests (refusals, failing suppliers)");
        leaks.Should().BeEmpty();
        withoutCorrelation.Should().BeEmpty("every line logged inside a request carries its correlation id");
    }

    // Whole words only: a name inside a longer word (or a digit run inside a longer number) is not that value.
    internal static bool Contains(string text, string value) =>
        Regex.IsMatch(text, $"(?<![A-Za-z0-9]){Regex.Escape(value)}(?![A-Za-z0-9])", RegexOptions.CultureInvariant);

    // The names and the birth date as the facade returned them, in the forms a log line could carry them.
    internal static IEnumerable<string> IdentifyingValues(JsonNode patient)
    {
        foreach (var name in patient["name"]?.AsArray() ?? [])
        {
            if (name!["family"]?.GetValue<string>() is { Length: > 1 } family)
            {
                yield return family;
            }

            foreach (var given in name["given"]?.AsArray() ?? [])
            {
                yield return given!.GetValue<string>();
            }
        }

        if (patient["birthDate"]?.GetValue<string>() is { } birthDate && DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            yield return birthDate;
            yield return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            yield return date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            yield return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }
    }

    private static async Task<FhirResponse> GetAsync(HttpClient client, HashSet<string> sent, string url, Dictionary<string, string>? form = null)
    {
        var correlationId = Guid.NewGuid().ToString("D");
        sent.Add(correlationId);
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url);
        request.Headers.Add("X-Request-Id", correlationId);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null;
        response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, url);
        return new FhirResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), body, response);
    }

    internal static List<(string NhsNumber, string Name)> DemoPatientsList()
    {
        var root = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("checkout not found");
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "examples", "demo-patients.json")));
        return [.. document.RootElement.GetProperty("patients").EnumerateArray()
            .Select(p => (p.GetProperty("nhsNumber").GetString()!, p.GetProperty("name").GetString()!))];
    }

    /// <summary>The embedded default with the capturing logger beside the console, and the facade's own categories at Trace.</summary>
    private sealed class CapturingFactory(CapturingLoggerProvider capture) : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => new() { ["Logging:LogLevel:FhirFacade"] = "Trace" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // The capture names the request each line was logged in through HttpContextAccessor's async-local, which the host
            // fills only when an accessor is registered: the facade itself registers none (the gateway is given a RequestContext).
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(capture)).AddHttpContextAccessor());
        }
    }
}
