using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.Faults;

/// <summary>
/// A supplier that answers a question about one patient with a restricted patient's record (the wrong-patient fault naming
/// the dissenting or the sensitive demo patient) has failed like any wrong-patient answer: a read is 502 PATIENT-MISMATCH
/// and a search withholds the record with a PATIENT-MISMATCH warning, never 403 NO_PATIENT_CONSENT or 404
/// PATIENT_NOT_FOUND, which would be false statements about the patient asked for made from someone else's flags.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WrongRestrictedPatientTests(FacadeServerFactory servers) : IClassFixture<FacadeServerFactory>, IAsyncLifetime
{
    private const string PatientMismatch = "PATIENT-MISMATCH";
    private const string Dissenting = "9990000069";
    private const string Sensitive = "9990000077";

    private ISupplierSimulator? _faulted;

    /// <summary>Supplier, its id, the organisation and the demo patient registered there who is asked about, and the restricted patient answered with.</summary>
    public static TheoryData<SupplierKind, string, string, string, string> Answers
    {
        get
        {
            var rows = new TheoryData<SupplierKind, string, string, string, string>();
            foreach (var restricted in new[] { Dissenting, Sensitive })
            {
                rows.Add(SupplierKind.Emis, "emis", "A81001", "9990000018", restricted);
                rows.Add(SupplierKind.Tpp, "tpp", "B82005", "9990000026", restricted);
                rows.Add(SupplierKind.Vision, "vision", "C83001", "9990000034", restricted);
                rows.Add(SupplierKind.Microtest, "microtest", "L83100", "9990000042", restricted);
            }

            return rows;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_faulted is not null)
        {
            await _faulted.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task ReadPatient_WhenTheSupplierAnswersWithARestrictedPatient_Returns502PatientMismatch(SupplierKind supplier, string supplierId, string odsCode, string asked, string restricted)
    {
        var client = servers.CreateClient();
        var id = TestResourceIds.Encode("Patient", supplierId, odsCode, asked);
        (await client.FhirGetAsync("/fhir/Patient/" + id)).Status.Should().Be(HttpStatusCode.OK);
        await FaultAsync(supplier, asked, restricted);

        var response = await client.FhirGetAsync("/fhir/Patient/" + id);

        response.Status.Should().Be(HttpStatusCode.BadGateway);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().BeEmpty();
        var issue = response.Issues().Should().ContainSingle().Subject;
        issue["diagnostics"]!.GetValue<string>().Should().Be(PatientMismatch);
        issue["details"]!["text"]!.GetValue<string>().Should().Contain(odsCode);
        response.Body!.ToJsonString().Should().NotContain(restricted);
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task SearchConditions_WhenTheSupplierAnswersWithARestrictedPatient_WithholdsItWithAPatientMismatchWarning(SupplierKind supplier, string supplierId, string odsCode, string asked, string restricted)
    {
        var client = servers.CreateClient();
        await FaultAsync(supplier, asked, restricted);

        var response = await client.FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + asked);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.SpineCodes().Should().NotContain(["NO_PATIENT_CONSENT", "PATIENT_NOT_FOUND"]);
        var issue = response.Issues().Should().ContainSingle(i => i["diagnostics"]!.GetValue<string>() == PatientMismatch).Subject;
        issue["severity"]!.GetValue<string>().Should().Be("warning");
        issue["details"]!["text"]!.GetValue<string>().Should().Contain($"({supplierId}) at").And.Contain(odsCode);
        response.Body!.ToJsonString().Should().NotContain(restricted);
    }

    private async Task FaultAsync(SupplierKind supplier, string asked, string restricted)
    {
        _faulted = servers.Simulators.Get(supplier);
        await _faulted.ApplyFaultAsync(FaultSpec.WrongPatient(asked, restricted), CancellationToken.None);
    }
}
