using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class SupplierFaultTests(ShortTimeoutFacadeServerFactory factory) : IClassFixture<ShortTimeoutFacadeServerFactory>
{
    public static TheoryData<int, FaultKind, HttpStatusCode, string> Faults => new()
    {
        { 0, FaultKind.ErrorStatus, HttpStatusCode.BadGateway, "transient" },
        { 1, FaultKind.Hang, HttpStatusCode.GatewayTimeout, "timeout" },
        { 2, FaultKind.MalformedPayload, HttpStatusCode.BadGateway, "transient" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Search_WhenTheOnlyHolderFails_Returns502Or504(int patient, FaultKind kind, HttpStatusCode status, string issueCode)
    {
        var nhs = GeneratedAtEmis(patient);
        var client = factory.CreateClient();
        await factory.Simulators.Emis.ApplyFaultAsync(FaultSpec.Of(kind, nhs) with { StatusCode = 503 }, CancellationToken.None);

        var response = await client.FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + nhs);

        response.Status.Should().Be(status);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Issues().Should().NotBeEmpty().And.OnlyContain(i => i["code"]!.GetValue<string>() == issueCode);
        response.Issues()[0]["details"]!["text"]!.GetValue<string>().Should().Contain("EMIS Web").And.Contain("A8100");
    }

    [Fact]
    public async Task Read_WhenSupplierFails_Returns502()
    {
        var nhs = GeneratedAtEmis(3);
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs)).Entries()[0]["id"]!.GetValue<string>();
        await factory.Simulators.Emis.ApplyFaultAsync(FaultSpec.Error(500, nhs), CancellationToken.None);

        var response = await client.FhirGetAsync("/fhir/Patient/" + id);

        response.Status.Should().Be(HttpStatusCode.BadGateway);
        response.ResourceType.Should().Be("OperationOutcome");
    }

    [Fact]
    public async Task Search_WhenSupplierSendsAnotherPatientsRecord_WithholdsItAndSaysSo()
    {
        var nhs = GeneratedAtEmis(4);
        await factory.Simulators.Emis.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, nhs), CancellationToken.None);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + nhs);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().BeEmpty();
        response.Issues().Select(i => i["diagnostics"]!.GetValue<string>()).Should().Contain("PATIENT-MISMATCH");
    }

    [Fact]
    public async Task Search_WhenSupplierIsSlowButInTime_Returns200()
    {
        var nhs = GeneratedAtEmis(5);
        await factory.Simulators.Emis.ApplyFaultAsync(FaultSpec.Latency(50, nhs), CancellationToken.None);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(1);
    }
}
