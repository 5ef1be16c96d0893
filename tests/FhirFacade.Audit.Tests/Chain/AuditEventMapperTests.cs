using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Chain;

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
    public void ToFhir_SearchForPatient_MapsWhoWhatOutcomeAndRequestDetails()
    {
        var entry = Entry(AuditTestRecords.Create(5));

        var auditEvent = AuditEventMapper.ToFhir(entry);

        auditEvent["resourceType"]!.GetValue<string>().Should().Be("AuditEvent");
        auditEvent["id"]!.GetValue<string>().Should().Be("1");
        auditEvent["subtype"]![0]!["code"]!.GetValue<string>().Should().Be("search-type");
        auditEvent["action"]!.GetValue<string>().Should().Be("E");
        auditEvent["outcome"]!.GetValue<string>().Should().Be("4");
        auditEvent["outcomeDesc"]!.GetValue<string>().Should().Be("404 not-found PATIENT_NOT_FOUND");
        auditEvent["agent"]![0]!["who"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("user-1");
        auditEvent["agent"]![0]!["altId"]!.GetValue<string>().Should().Be("client-viewer");
        auditEvent["agent"]![1]!["who"]!["identifier"]!["value"]!.GetValue<string>().Should().Be("A81001");
        auditEvent["entity"]![0]!["what"]!["identifier"]!["system"]!.GetValue<string>().Should().Be(AuditFhirSystems.NhsNumber);
        auditEvent["entity"]![0]!["what"]!["identifier"]!["value"]!.GetValue<string>().Should().Be(AuditTestRecords.PatientA);
        auditEvent["entity"]!.AsArray().Should().HaveCount(4);
        auditEvent["entity"]![3]!["detail"]![0]!["valueString"]!.GetValue<string>().Should().Be("corr-000005");
    }

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void ToFhir_HttpStatus_MapsToAuditEventOutcome(int status, string expected)
    {
        var entry = Entry(AuditTestRecords.Create(1) with { Outcome = new AuditOutcome(status) });

        var auditEvent = AuditEventMapper.ToFhir(entry);

        auditEvent["outcome"]!.GetValue<string>().Should().Be(expected);
    }

    [Fact]
    public void ToFhir_AnonymousRequestWithoutPatient_HasRequestorAgentAndNoPatientEntity()
    {
        var entry = Entry(AuditTestRecords.Create(1) with { Agent = AuditAgent.Anonymous, PatientNhsNumber = null, Sources = [], SourceIp = null });

        var auditEvent = AuditEventMapper.ToFhir(entry);

        auditEvent["agent"]!.AsArray().Should().ContainSingle();
        auditEvent["agent"]![0]!["requestor"]!.GetValue<bool>().Should().BeTrue();
        auditEvent["entity"]!.AsArray().Should().ContainSingle();
    }

    private static AuditEntry Entry(AuditRecord record) =>
        AuditChain.Append(AuditChain.EmptyHead, [AuditRecordRules.Normalize(record)])[0];
}
