using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Support;

/// <summary>Sample audit records (synthetic identifiers only: test NHS numbers start with 999).</summary>
internal static class AuditTestRecords
{
    public const string PatientA = "9990000018";
    public const string PatientB = "9990000026";

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static AuditRecord Create(int n, string? nhsNumber = PatientA, string userId = "user-1", DateTimeOffset? recorded = null) => new()
    {
        Recorded = recorded ?? Start.AddSeconds(n).AddTicks(1234),
        CorrelationId = $"corr-{n:D6}",
        Agent = new AuditAgent("client-viewer", userId, "role-42", "A81001"),
        Interaction = n % 3 == 0 ? AuditInteractions.Read : AuditInteractions.SearchType,
        Method = "GET",
        PathTemplate = n % 3 == 0 ? "/Patient/{id}" : "/MedicationStatement",
        ResourceTypes = n % 3 == 0 ? ["Patient"] : ["MedicationStatement", "Medication"],
        PatientNhsNumber = nhsNumber,
        Sources = [new AuditSource("emis", "A81001"), new AuditSource("tpp", "B82005")],
        ResourceCount = n % 7,
        Outcome = n % 5 == 0 ? new AuditOutcome(404, "not-found", "PATIENT_NOT_FOUND") : new AuditOutcome(200),
        SourceIp = "127.0.0.1",
    };
}
