using System.Text.Json.Nodes;
using FhirFacade.Core.Audit;
using FhirFacade.Fhir.Model;
using FhirFacade.Server.Auditing;

namespace FhirFacade.Server.Tests.Auditing;

[Trait("Category", "Unit")]
public sealed class AuditEventMapperTests
{
    public static TheoryData<int, string> Outcomes => new()
    {
        { 200, "0" },
        { 404, "4" },
        { 503, "8" },
    };

    [Fact]
    public void Map_FailedSearchForPatient_GivesWhoWhatOutcomeAndRequestDetails()
    {
        var entry = Entry(Record() with { Outcome = new AuditOutcome(404, "not-found", "PATIENT_NOT_FOUND") });

        var auditEvent = Json(AuditEventMapper.Map(entry));

        auditEvent["resourceType"]!.GetValue<string>().Should().Be("AuditEvent");
        auditEvent["id"]!.GetValue<string>().Should().Be("audit-1");
        auditEvent["subtype"]![0]!["code"]!.GetValue<string>().Should().Be("search-type");
        auditEvent["action"]!.GetValue<string>().Should().Be("R");
        auditEvent["outcome"]!.GetValue<string>().Should().Be("4");
        auditEvent["outcomeDesc"]!.GetValue<string>().Should().Be("HTTP 404 not-found PATIENT_NOT_FOUND");
        auditEvent["agent"]![0]!["who"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("client-viewer");
        auditEvent["agent"]![0]!["altId"]!.GetValue<string>().Should().Be("user-1");
        auditEvent["agent"]![1]!["who"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("Y90001");
        auditEvent["entity"]![0]!["what"]!["identifier"]!["system"]!.GetValue<string>().Should().Be("https://fhir.nhs.uk/Id/nhs-number");
        auditEvent["entity"]![0]!["what"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("9990000018");
        auditEvent["entity"]![1]!["what"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("A81001");
        auditEvent["entity"]![1]!["name"]!.GetValue<string>().Should().Be("emis");
        auditEvent["entity"]![2]!["detail"]![0]!["valueString"]!.GetValue<string>().Should().Be("corr-000001");
        auditEvent.ToJsonString().Should().NotContain("Amoxicillin", "audit holds no clinical content");
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Map_HttpStatus_GivesAuditEventOutcome(int status, string expected)
    {
        var entry = Entry(Record() with { Outcome = new AuditOutcome(status) });

        var auditEvent = Json(AuditEventMapper.Map(entry));

        auditEvent["outcome"]!.GetValue<string>().Should().Be(expected);
    }

    [Fact]
    public void Map_AnonymousRequestWithoutPatient_HasOneAgentAndOnlyTheRequestEntity()
    {
        var entry = Entry(Record() with { Agent = AuditAgent.Anonymous, PatientNhsNumber = null, Sources = [], SourceIp = null });

        var auditEvent = Json(AuditEventMapper.Map(entry));

        auditEvent["agent"]!.AsArray().Should().ContainSingle();
        auditEvent["agent"]![0]!["requestor"]!.GetValue<bool>().Should().BeTrue();
        auditEvent["entity"]!.AsArray().Should().ContainSingle();
    }

    private static JsonNode Json(FhirFacade.Fhir.Resources.AuditEvent auditEvent) =>
        JsonNode.Parse(FhirKernel.Default.JsonSerializer.Serialize(auditEvent.ToElementNode(FhirKernel.Default.Model)))!;

    private static AuditRecord Record() => new()
    {
        Recorded = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero),
        CorrelationId = "corr-000001",
        Agent = new AuditAgent("client-viewer", "user-1", "Practitioner/gp1", "Y90001"),
        Interaction = AuditInteractions.SearchType,
        Method = "GET",
        PathTemplate = "/fhir/{type}",
        ResourceTypes = ["MedicationStatement"],
        PatientNhsNumber = "9990000018",
        Sources = [new AuditSource("emis", "A81001")],
        ResourceCount = 3,
        Outcome = new AuditOutcome(200),
        SourceIp = "127.0.0.1",
    };

    private static AuditEntry Entry(AuditRecord record) =>
        AuditChain.Append(AuditChain.EmptyHead, [AuditRecordRules.Normalize(record)])[0];
}
