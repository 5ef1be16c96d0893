using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Location;
using FhirFacade.Server.IntegrationTests.Faults;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Safety;

/// <summary>
/// Never silent (docs/safety/hazard-log.md, H3): for every cause that can leave something out of a patient's record,
/// the answer's OperationOutcome names the supplier, the organisation (ODS code) and the reason, over the real
/// simulators. Each cause is one row; each way of asking for a record is one form: a search of the cause's resource type,
/// and <c>Patient/$everything</c> in both its forms (by NHS number on the type, and by a Patient id on the instance), so
/// every cause also runs against the one call that gathers every type.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NeverSilentTests(
    FacadeServerFactory servers,
    ShortTimeoutFacadeServerFactory shortTimeoutServers,
    NeverSilentTests.TruncatingFacadeServerFactory truncatingServers,
    ValidationMetricsTests.ConditionBreakingFactory conditionBreakingServers)
    : IClassFixture<FacadeServerFactory>, IClassFixture<ShortTimeoutFacadeServerFactory>, IClassFixture<NeverSilentTests.TruncatingFacadeServerFactory>,
      IClassFixture<ValidationMetricsTests.ConditionBreakingFactory>, IAsyncLifetime
{
    private readonly List<ISupplierSimulator> _faulted = [];

    /// <summary>The server a cause needs.</summary>
    public enum Server
    {
        Default,
        ShortTimeout,
        Truncating,
        ConditionBreaking,
    }

    /// <summary>The ways of asking for a record that must carry the outcome.</summary>
    public static IReadOnlyList<string> Forms { get; } = ["search", "everything-type", "everything-instance"];

    /// <summary>Every cause, by name: what it takes, whom it is about, and the issue it must produce.</summary>
    public static IReadOnlyList<SilentGapCause> Causes { get; } =
    [
        new("supplier-unavailable", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Emis, "A81002", "SUPPLIER-UNAVAILABLE", nhs => FaultSpec.Error(503, nhs)),
        new("supplier-malformed", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Vision, "C83002", "SUPPLIER-MALFORMED", nhs => FaultSpec.Of(FaultKind.MalformedPayload, nhs)),
        new("supplier-timeout", Server.ShortTimeout, AllFourSuppliers, "MedicationStatement", SupplierKind.Tpp, "RY801", "SUPPLIER-TIMEOUT", nhs => FaultSpec.Of(FaultKind.Hang, nhs)),
        new("supplier-refused", Server.Default, "9990000093", "Condition", SupplierKind.Tpp, "B82010", "SUPPLIER-REFUSED", null),
        new("area-withheld", Server.Default, AllFourSuppliers, "Condition", SupplierKind.Tpp, "RY801", "SHARING-AREA-WITHHELD", null),
        new("holder-not-found-emis", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Emis, "A81002", "SUPPLIER-NOT-FOUND", nhs => FaultSpec.Error(404, nhs), AfterLocation: true),
        new("holder-not-found-tpp", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Tpp, "RY801", "SUPPLIER-NOT-FOUND", nhs => FaultSpec.Error(404, nhs), AfterLocation: true),
        new("holder-not-found-vision", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Vision, "C83002", "SUPPLIER-NOT-FOUND", nhs => FaultSpec.Error(404, nhs), AfterLocation: true),
        new("holder-not-found-microtest", Server.Default, AllFourSuppliers, "MedicationStatement", SupplierKind.Microtest, "L83100", "SUPPLIER-NOT-FOUND", nhs => FaultSpec.Error(404, nhs), AfterLocation: true),
        new("wrong-patient", Server.Default, AllFourSuppliers, "AllergyIntolerance", SupplierKind.Vision, "C83002", "PATIENT-MISMATCH", nhs => FaultSpec.Of(FaultKind.WrongPatient, nhs)),
        new("unmappable-item", Server.Default, "9990000107", "MedicationStatement", SupplierKind.Microtest, "L83100", "MICROTEST-UNMAPPABLE", null),
        new("degraded-item", Server.Default, "9990000107", "MedicationStatement", SupplierKind.Microtest, "L83100", "MICROTEST-DEGRADED", null),
        new("unmapped-code", Server.Default, "9990000026", "Condition", SupplierKind.Tpp, "B82005", "TPP-UNMAPPED-CODE", null),
        new("confidential-items", Server.Default, ConfidentialItems, "Condition", SupplierKind.Emis, "A81002", "SPINE-confidential-items", null),
        new("validation-withheld", Server.ConditionBreaking, EmisRich, "Condition", SupplierKind.Emis, "A81001", "VALIDATION-WITHHELD", null),
        new("page-truncated", Server.Truncating, "9990000042", "Condition", SupplierKind.Microtest, "L83100", "MICROTEST-TRUNCATED", null),
    ];

    public static TheoryData<string, string> CausesAndForms
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var cause in Causes)
            {
                foreach (var form in Forms)
                {
                    data.Add(cause.Name, form);
                }
            }

            return data;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var simulator in _faulted)
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(CausesAndForms))]
    public async Task Record_WhenSomethingIsLeftOut_TheOutcomeNamesSupplierOrganisationAndReason(string causeName, string form)
    {
        var cause = Causes.Single(c => c.Name == causeName);
        var server = ServerFor(cause.Server);
        var url = Url(form, cause);

        // Each case starts with nothing remembered about where its patient is held. A case before it, about the same patient
        // on the same server, may have left a location that its own fault shaped: a holder that answered "no record" while
        // faulted is remembered as not holding for the cache's lifetime (30 s), and would then never be asked here. Which
        // location a faulted $everything leaves depends on how its parallel searches interleave, so without this the
        // outcome depended on CPU load.
        FhirFacade.Core.Identity.NhsNumber.TryParse(cause.NhsNumber, out var nhs).Should().BeTrue();
        server.Services.GetRequiredService<IRecordLocator>().Forget(nhs);
        if (cause.AfterLocation)
        {
            // The record locator lists the holder first (and remembers it), as it does before any supplier changes its answer.
            (await server.CreateClient().FhirGetAsync(url)).Issues().Should().NotContain(i => Diagnostics(i) == cause.Diagnostics);
        }

        if (cause.Fault is { } fault)
        {
            await FaultAsync(server, cause.Supplier, fault(cause.NhsNumber));
        }

        var response = await server.CreateClient().FhirGetAsync(url);

        response.Status.Should().Be(HttpStatusCode.OK, "a gap is reported beside whatever else could be fetched, never as a failure of the whole answer");
        response.ResourceType.Should().Be("Bundle");
        // Every organisation on that supplier's system may be named (one that could not even say whether it holds the
        // patient is a gap too); the holder must be among them.
        var issues = response.Issues().Where(i => Diagnostics(i) == cause.Diagnostics).ToList();
        issues.Should().Contain(i => Text(i).Contains(cause.OdsCode, StringComparison.Ordinal), $"the outcome must say {cause.Diagnostics} about {cause.OdsCode} (its issues: {string.Join("; ", response.Issues().Select(Diagnostics))})");
        foreach (var issue in issues)
        {
            issue["severity"]!.GetValue<string>().Should().Be("warning", "a clinician must see that the record is incomplete");
            Text(issue).Should().Contain(DisplayName(cause.Supplier)).And.MatchRegex(@"\([A-Z0-9]{5,6}\)", "the organisation is named with its ODS code");
            Text(issue).Should().NotContainAny("Exception", " at FhirFacade", cause.NhsNumber);
        }
    }

    [Fact]
    public async Task Search_AfterAListedHolderSaidItHasNoRecord_LocatesAfreshInsteadOfRepeatingTheStaleLocation()
    {
        var nhs = OnlyAt(SupplierKind.Emis, 30);
        var url = "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + nhs;
        var client = servers.CreateClient();
        (await client.FhirGetAsync(url)).Status.Should().Be(HttpStatusCode.OK);
        await FaultAsync(servers, SupplierKind.Emis, FaultSpec.Error(404, nhs));
        var reported = await client.FhirGetAsync(url);

        var next = await client.FhirGetAsync(url);

        reported.Issues().Should().Contain(i => Diagnostics(i) == "SUPPLIER-NOT-FOUND" && Text(i).Contains(HolderOf(nhs), StringComparison.Ordinal));
        next.Status.Should().Be(HttpStatusCode.OK);
        next.Issues().Should().NotContain(i => Diagnostics(i) == "SUPPLIER-NOT-FOUND", "the location was forgotten, so the practice was asked again whether it holds the patient");
        next.Issues().Should().ContainSingle(i => Diagnostics(i) == "LOCATE-NONE");
    }

    private static string Url(string form, SilentGapCause cause) => form switch
    {
        "search" => $"/fhir/{cause.ResourceType}?patient.identifier={FhirHttp.Nhs}{cause.NhsNumber}",
        "everything-type" => $"/fhir/Patient/$everything?identifier={FhirHttp.Nhs}{cause.NhsNumber}&_count=500",
        "everything-instance" => $"/fhir/Patient/{InstanceId(cause)}/$everything?_count=500",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "Unknown form."),
    };

    // The instance form names the patient by one organisation's record: another holder's than the one the cause is about
    // where there is one (the Patient is read there first), else that one.
    private static string InstanceId(SilentGapCause cause)
    {
        var holders = SimulatorDirectory.HoldersOf(cause.NhsNumber);
        var holder = holders.FirstOrDefault(h => h.Organisation.OdsCode != cause.OdsCode) ?? holders[0];
        return TestResourceIds.Encode("Patient", holder.Organisation.Supplier.ToString().ToLowerInvariant(), holder.Organisation.OdsCode, cause.NhsNumber);
    }

    private static string Diagnostics(JsonNode issue) => issue["diagnostics"]!.GetValue<string>();

    private static string Text(JsonNode issue) => issue["details"]!["text"]!.GetValue<string>();

    private static string DisplayName(SupplierKind supplier) => supplier switch
    {
        SupplierKind.Emis => "EMIS Web",
        SupplierKind.Tpp => "TPP SystmOne",
        SupplierKind.Vision => "INPS Vision",
        _ => "Microtest Evolution",
    };

    private FacadeServerFactory ServerFor(Server server) => server switch
    {
        Server.ShortTimeout => shortTimeoutServers,
        Server.Truncating => truncatingServers,
        Server.ConditionBreaking => conditionBreakingServers,
        _ => servers,
    };

    private async Task FaultAsync(FacadeServerFactory factory, SupplierKind supplier, FaultSpec fault)
    {
        var simulator = factory.Simulators.Get(supplier);
        _faulted.Add(simulator);
        await simulator.ApplyFaultAsync(fault, CancellationToken.None);
    }

    /// <summary>
    /// One cause of a silent gap. <paramref name="Fault"/> (scoped to the patient) is set on <paramref name="Supplier"/>'s
    /// simulator; without one the demo record itself carries the cause. <paramref name="AfterLocation"/>: the record is
    /// located once before the fault, so the holder is listed when its supplier changes its answer.
    /// </summary>
    public sealed record SilentGapCause(
        string Name,
        Server Server,
        string NhsNumber,
        string ResourceType,
        SupplierKind Supplier,
        string OdsCode,
        string Diagnostics,
        Func<string, FaultSpec>? Fault,
        bool AfterLocation = false);

    /// <summary>A facade whose Microtest adapter follows at most two pages of five items, so a long list is truncated.</summary>
    public sealed class TruncatingFacadeServerFactory : FacadeServerFactory
    {
        protected override Dictionary<string, string?> Settings => new()
        {
            ["Suppliers:Microtest:PageSize"] = "5",
            ["Suppliers:Microtest:MaxPages"] = "2",
        };
    }
}
