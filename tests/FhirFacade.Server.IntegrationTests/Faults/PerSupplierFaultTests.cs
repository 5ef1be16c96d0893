using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FhirFacade.Core.Gateway;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;
using SimulatedNhsNumbers = FhirFacade.Simulators.World.NhsNumber;

namespace FhirFacade.Server.IntegrationTests.Faults;

/// <summary>
/// Issue #5's fault matrix for EMIS Web, TPP SystmOne and Microtest Evolution (Vision has its own tests):
/// every fault in three shapes — a search over a patient held by several suppliers (the others' resources
/// returned with 200, plus an outcome entry naming the supplier, the organisation and the reason), and a
/// search and a read whose only source fails (502, or 504 when it timed out) — each answered within the
/// request's time budget. Another patient's data is dropped, never shown, and reported. Faults are scoped
/// to the test's patient where the simulator allows it and cleared after every test; timeouts run against
/// <see cref="ShortTimeoutFacadeServerFactory"/>, everything else against production time limits.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PerSupplierFaultTests(FacadeServerFactory servers, ShortTimeoutFacadeServerFactory shortTimeoutServers)
    : IClassFixture<FacadeServerFactory>, IClassFixture<ShortTimeoutFacadeServerFactory>, IAsyncLifetime
{
    private const string Unavailable = "SUPPLIER-UNAVAILABLE";
    private const string Malformed = "SUPPLIER-MALFORMED";
    private const string TimedOut = "SUPPLIER-TIMEOUT";
    private const string Unauthorized = "SUPPLIER-UNAUTHORIZED";
    private const string PatientMismatch = "PATIENT-MISMATCH";
    private const string Transient = "transient";
    private const string Timeout = "timeout";

    // A bound, not a benchmark: generous for a loaded machine, yet far below what a missed timeout
    // (a 10 s latency, a 30 s hang) or unbounded retrying would take.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    private readonly List<ISupplierSimulator> _faulted = [];

    /// <summary>Every fault that makes a supplier's call fail: supplier, fault, the issue's diagnostics and code.</summary>
    public static TheoryData<SupplierKind, SupplierFault, string, string> Failures
    {
        get
        {
            var rows = new TheoryData<SupplierKind, SupplierFault, string, string>();
            foreach (var supplier in new[] { SupplierKind.Emis, SupplierKind.Tpp, SupplierKind.Microtest })
            {
                rows.Add(supplier, SupplierFault.ServerError, Unavailable, Transient);
                rows.Add(supplier, SupplierFault.ConnectionRefused, Unavailable, Transient);
                rows.Add(supplier, SupplierFault.MalformedPayload, Malformed, Transient);
                rows.Add(supplier, SupplierFault.Latency, TimedOut, Timeout);
                rows.Add(supplier, SupplierFault.Hang, TimedOut, Timeout);
            }

            rows.Add(SupplierKind.Microtest, SupplierFault.TokenRejected, Unauthorized, Transient);
            rows.Add(SupplierKind.Microtest, SupplierFault.TokenEndpointRefuses, Unauthorized, Transient);
            return rows;
        }
    }

    public static TheoryData<SupplierKind> Suppliers => new() { SupplierKind.Emis, SupplierKind.Tpp, SupplierKind.Microtest };

    public static TheoryData<SupplierKind, string> SuppliersAndReadTypes => new()
    {
        { SupplierKind.Emis, "Patient" },
        { SupplierKind.Emis, "MedicationStatement" },
        { SupplierKind.Tpp, "Patient" },
        { SupplierKind.Tpp, "MedicationStatement" },
        { SupplierKind.Microtest, "Patient" },
        { SupplierKind.Microtest, "MedicationStatement" },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var simulator in _faulted)
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Search_WhenOneOfSeveralSuppliersFails_ReturnsTheOthersAndAnOutcomeNamingIt(SupplierKind supplier, SupplierFault fault, string diagnostics, string issueType)
    {
        var factory = FactoryFor(fault);
        var client = factory.CreateClient();
        var url = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers;
        var before = await AllSuppliersAnswerAsync(url);
        await FaultAsync(factory, supplier, fault, AllFourSuppliers);

        var (response, elapsed) = await TimedGetAsync(client, url);

        response.Status.Should().Be(HttpStatusCode.OK);
        ShouldHoldEveryoneElsesShare(response, before, supplier);
        var issue = response.Issues().Should().ContainSingle(i => Diagnostics(i) == diagnostics).Subject;
        ShouldName(issue, supplier, AllFourHolder(supplier), issueType, "warning");
        elapsed.Should().BeLessThan(BudgetOf(factory) + Margin);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Search_WhenTheOnlySourceFails_Returns502Or504NamingIt(SupplierKind supplier, SupplierFault fault, string diagnostics, string issueType)
    {
        var factory = FactoryFor(fault);
        var nhs = OnlyAt(supplier, (int)fault);
        await FaultAsync(factory, supplier, fault, nhs);

        var (response, elapsed) = await TimedGetAsync(factory.CreateClient(), "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + nhs);

        response.Status.Should().Be(fault.IsTimeout() ? HttpStatusCode.GatewayTimeout : HttpStatusCode.BadGateway);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("OperationOutcome");

        // Every organisation on that supplier's system was asked and failed the same way; the holder is among them.
        response.Issues().Should().NotBeEmpty().And.OnlyContain(i => Diagnostics(i) == diagnostics);
        ShouldName(response.Issues().Single(i => Text(i).Contains(HolderOf(nhs), StringComparison.Ordinal)), supplier, HolderOf(nhs), issueType, "error");
        elapsed.Should().BeLessThan(BudgetOf(factory) + Margin);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Read_WhenTheOnlySourceFails_Returns502Or504NamingIt(SupplierKind supplier, SupplierFault fault, string diagnostics, string issueType)
    {
        var factory = FactoryFor(fault);
        var client = factory.CreateClient();
        var nhs = OnlyAt(supplier, 10 + (int)fault);
        var id = await PatientIdAsync(nhs);
        await FaultAsync(factory, supplier, fault, nhs);

        var (response, elapsed) = await TimedGetAsync(client, "/fhir/Patient/" + id);

        response.Status.Should().Be(fault.IsTimeout() ? HttpStatusCode.GatewayTimeout : HttpStatusCode.BadGateway);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("OperationOutcome");
        var issue = response.Issues().Should().ContainSingle().Subject;
        Diagnostics(issue).Should().Be(diagnostics);
        ShouldName(issue, supplier, HolderOf(nhs), issueType, "error");
        elapsed.Should().BeLessThan(BudgetOf(factory) + Margin);
    }

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Search_WhenOneOfSeveralSuppliersSendsAnotherPatientsRecord_DropsItAndReportsIt(SupplierKind supplier)
    {
        var client = servers.CreateClient();
        var url = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers;
        var before = await AllSuppliersAnswerAsync(url);
        await FaultAsync(servers, supplier, SupplierFault.WrongPatient, AllFourSuppliers);

        var (response, elapsed) = await TimedGetAsync(client, url);

        response.Status.Should().Be(HttpStatusCode.OK);
        ShouldHoldEveryoneElsesShare(response, before, supplier);
        response.Body!.ToJsonString().Should().NotContain(SimulatedNhsNumbers.NextInWorld(AllFourSuppliers));
        response.Issues().Where(i => Diagnostics(i) == PatientMismatch).Should().NotBeEmpty()
            .And.AllSatisfy(i => ShouldName(i, supplier, AllFourHolder(supplier), "processing", "warning"));
        elapsed.Should().BeLessThan(BudgetOf(servers) + Margin);
    }

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Search_WhenTheOnlySourceSendsAnotherPatientsRecord_Returns200WithNothingButTheReport(SupplierKind supplier)
    {
        var nhs = OnlyAt(supplier, 20);
        await FaultAsync(servers, supplier, SupplierFault.WrongPatient, nhs);

        var (response, elapsed) = await TimedGetAsync(servers.CreateClient(), "/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().BeEmpty();
        response.Body!.ToJsonString().Should().NotContain(SimulatedNhsNumbers.NextInWorld(nhs));
        var issue = response.Issues().Should().ContainSingle(i => Diagnostics(i) == PatientMismatch).Subject;
        ShouldName(issue, supplier, HolderOf(nhs), "processing", "warning");
        elapsed.Should().BeLessThan(BudgetOf(servers) + Margin);
    }

    [Theory]
    [MemberData(nameof(SuppliersAndReadTypes))]
    public async Task Read_WhenTheSupplierAnswersAboutAnotherPatient_Returns502AndShowsNothingOfIt(SupplierKind supplier, string resourceType)
    {
        var client = servers.CreateClient();
        var id = await AllFourIdAtAsync(supplier, resourceType);
        await FaultAsync(servers, supplier, SupplierFault.WrongPatient, AllFourSuppliers);

        var (response, elapsed) = await TimedGetAsync(client, $"/fhir/{resourceType}/{id}");

        response.Status.Should().Be(HttpStatusCode.BadGateway);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Body!.ToJsonString().Should().NotContain(SimulatedNhsNumbers.NextInWorld(AllFourSuppliers));
        var issue = response.Issues().Should().ContainSingle().Subject;
        Diagnostics(issue).Should().Be(PatientMismatch);
        ShouldName(issue, supplier, AllFourHolder(supplier), "processing", "error");
        elapsed.Should().BeLessThan(BudgetOf(servers) + Margin);
    }

    [Fact]
    public async Task Search_WhenTheMicrotestTokenHasExpired_RenewsItOnceAndReturnsEverything()
    {
        var client = servers.CreateClient();
        var url = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers;
        var before = await AllSuppliersAnswerAsync(url);
        await ExpireMicrotestTokensAsync(AllFourSuppliers);

        var (response, elapsed) = await TimedGetAsync(client, url);

        response.Status.Should().Be(HttpStatusCode.OK);
        IdsBySupplier(response).Should().BeEquivalentTo(before);
        response.Issues().Should().NotContain(i => IsProblem(i) && Text(i).Contains("Microtest", StringComparison.Ordinal));
        elapsed.Should().BeLessThan(BudgetOf(servers) + Margin);
    }

    [Fact]
    public async Task Read_WhenTheMicrotestTokenHasExpired_RenewsItOnceAndReturnsTheRecord()
    {
        var client = servers.CreateClient();
        var nhs = OnlyAt(SupplierKind.Microtest, 21);
        var id = await PatientIdAsync(nhs);
        await ExpireMicrotestTokensAsync(nhs);

        var (response, elapsed) = await TimedGetAsync(client, "/fhir/Patient/" + id);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["id"]!.GetValue<string>().Should().Be(id);
        elapsed.Should().BeLessThan(BudgetOf(servers) + Margin);
    }

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Search_WhenASupplierIsSlowButWithinItsTimeout_ReturnsEverything(SupplierKind supplier)
    {
        var client = shortTimeoutServers.CreateClient();
        var url = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFourSuppliers;
        var before = await AllSuppliersAnswerAsync(url);
        await FaultAsync(shortTimeoutServers, supplier, FaultSpec.Latency(100, AllFourSuppliers));

        var response = await client.FhirGetAsync(url);

        response.Status.Should().Be(HttpStatusCode.OK);
        IdsBySupplier(response).Should().BeEquivalentTo(before);
        response.Issues().Should().NotContain(i => IsProblem(i));
    }

    private static string SupplierId(SupplierKind supplier) => supplier switch
    {
        SupplierKind.Emis => "emis",
        SupplierKind.Tpp => "tpp",
        SupplierKind.Microtest => "microtest",
        _ => throw new ArgumentOutOfRangeException(nameof(supplier), supplier, "Not in this matrix."),
    };

    private static string DisplayName(SupplierKind supplier) => supplier switch
    {
        SupplierKind.Emis => "EMIS Web",
        SupplierKind.Tpp => "TPP SystmOne",
        SupplierKind.Microtest => "Microtest Evolution",
        _ => throw new ArgumentOutOfRangeException(nameof(supplier), supplier, "Not in this matrix."),
    };

    /// <summary>The organisation on <paramref name="supplier"/>'s system holding <see cref="TestPatients.AllFourSuppliers"/>.</summary>
    private static string AllFourHolder(SupplierKind supplier) =>
        SimulatorDirectory.HoldersOf(AllFourSuppliers).Single(h => h.Organisation.Supplier == supplier).Organisation.OdsCode;

    /// <summary>A warning or error (information issues, such as merged duplicates, say nothing is missing).</summary>
    private static bool IsProblem(JsonNode issue) => issue["severity"]!.GetValue<string>() != "information";

    private static string Diagnostics(JsonNode issue) => issue["diagnostics"]!.GetValue<string>();

    private static string Text(JsonNode issue) => issue["details"]!["text"]!.GetValue<string>();

    private static void ShouldName(JsonNode issue, SupplierKind supplier, string odsCode, string issueType, string severity)
    {
        issue["severity"]!.GetValue<string>().Should().Be(severity);
        issue["code"]!.GetValue<string>().Should().Be(issueType);
        Text(issue).Should().Contain(DisplayName(supplier)).And.Contain(odsCode);

        // Never the exception, nor anything of the supplier's own answer (its error codes, its format).
        Text(issue).Should().NotContainAny("Exception", "XML", "JSON", "SERVICE_UNAVAILABLE", "service_unavailable", "invalid_token", "server_error");
    }

    /// <summary>The facade ids of a Bundle's matches, by the supplier each came from (decoded from the id).</summary>
    private static Dictionary<string, List<string>> IdsBySupplier(FhirResponse response) =>
        response.Entries()
            .Select(r => (Type: r["resourceType"]!.GetValue<string>(), Id: r["id"]!.GetValue<string>()))
            .GroupBy(r => TestResourceIds.Codec.TryDecode(r.Type, r.Id, out var decoded) ? decoded.Supplier : "?", r => r.Id)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList());

    /// <summary>
    /// Nothing from the faulted supplier, and everything the others returned before the fault. (More from
    /// them is allowed: a duplicate merged into the faulted supplier's copy before now stands on its own.)
    /// </summary>
    private static void ShouldHoldEveryoneElsesShare(FhirResponse response, Dictionary<string, List<string>> before, SupplierKind faulted)
    {
        var returned = IdsBySupplier(response);
        returned.Should().NotContainKey(SupplierId(faulted));
        foreach (var (supplier, ids) in before.Where(p => p.Key != SupplierId(faulted)))
        {
            returned.Should().ContainKey(supplier).WhoseValue.Should().Contain(ids);
        }
    }

    /// <summary>
    /// The arrange step's search, asked of the server with production time limits so that it cannot time
    /// out (facade ids do not depend on the server instance); on that server it also caches the record location.
    /// </summary>
    private async Task<Dictionary<string, List<string>>> AllSuppliersAnswerAsync(string url)
    {
        var response = await servers.CreateClient().FhirGetAsync(url);
        response.Status.Should().Be(HttpStatusCode.OK);
        var ids = IdsBySupplier(response);
        ids.Keys.Should().Contain(["emis", "tpp", "microtest"], "before the fault every supplier holding the patient answers");
        return ids;
    }

    /// <summary>
    /// The id of a <see cref="TestPatients.AllFourSuppliers"/> record held on <paramref name="supplier"/>'s system, read once
    /// without a fault to prove it. A Patient search returns only the registered practice's Patient, but every
    /// holder's stays readable by id (the three adapters key a Patient by NHS number).
    /// </summary>
    private async Task<string> AllFourIdAtAsync(SupplierKind supplier, string resourceType)
    {
        var id = resourceType == "Patient"
            ? TestResourceIds.Encode("Patient", SupplierId(supplier), AllFourHolder(supplier), AllFourSuppliers)
            : (await AllSuppliersAnswerAsync($"/fhir/{resourceType}?patient.identifier={FhirHttp.Nhs}{AllFourSuppliers}"))[SupplierId(supplier)][0];
        var read = await servers.CreateClient().FhirGetAsync($"/fhir/{resourceType}/{id}");
        read.Status.Should().Be(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The facade id of a patient's one Patient record, found as <see cref="AllSuppliersAnswerAsync"/> finds its baseline.</summary>
    private async Task<string> PatientIdAsync(string nhsNumber)
    {
        var found = await servers.CreateClient().FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhsNumber);
        found.Status.Should().Be(HttpStatusCode.OK);
        return found.Entries().Should().ContainSingle().Subject["id"]!.GetValue<string>();
    }

    private static async Task<(FhirResponse Response, TimeSpan Elapsed)> TimedGetAsync(HttpClient client, string url)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await client.FhirGetAsync(url);
        return (response, stopwatch.Elapsed);
    }

    private static TimeSpan BudgetOf(FacadeServerFactory factory) => factory.OverallBudget;

    private FacadeServerFactory FactoryFor(SupplierFault fault) => fault.IsTimeout() ? shortTimeoutServers : servers;

    private async Task FaultAsync(FacadeServerFactory factory, SupplierKind supplier, SupplierFault fault, string nhsNumber)
    {
        var simulator = factory.Simulators.Get(supplier);
        _faulted.Add(simulator);
        await simulator.ApplyAsync(fault, nhsNumber);
    }

    private async Task FaultAsync(FacadeServerFactory factory, SupplierKind supplier, FaultSpec fault)
    {
        var simulator = factory.Simulators.Get(supplier);
        _faulted.Add(simulator);
        await simulator.ApplyFaultAsync(fault, CancellationToken.None);
    }

    /// <summary>
    /// Expires every token the Microtest simulator has issued (the facade's cached one included), after
    /// checking on a token of the test's own that the switch really makes the API answer 401.
    /// </summary>
    private async Task ExpireMicrotestTokensAsync(string nhsNumber)
    {
        var microtest = servers.Simulators.Microtest;
        using var direct = new HttpClient { BaseAddress = microtest.BaseAddress };
        using var tokenRequest = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = microtest.ClientId,
            ["client_secret"] = microtest.ClientSecret,
        });
        using var tokenAnswer = await direct.PostAsync(new Uri("oauth/token", UriKind.Relative), tokenRequest);
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        microtest.ExpireIssuedTokens();

        using var check = new HttpRequestMessage(HttpMethod.Get, new Uri("api/v1/patients/" + nhsNumber, UriKind.Relative));
        check.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var checkAnswer = await direct.SendAsync(check);
        checkAnswer.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "an expired token must be refused for the test to mean anything");
    }
}
