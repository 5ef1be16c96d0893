using System.Globalization;
using FhirFacade.Core.Audit;

namespace FhirFacade.Cli.Commands.Bench;

/// <summary>
/// Synthetic audit records shaped like the server's (AuditRecordFactory) for the four-supplier demo
/// patient's MedicationStatement search: a clinician's token, the route template, the NHS number,
/// four consulted organisations and a unique correlation id. No clinical content, as in production.
/// </summary>
internal static class AuditBenchRecords
{
    private const string DemoNhsNumber = "9990000050";

    private static readonly AuditAgent Clinician = new("demo-client", "dev-clinician", "Practitioner/dev-clinician", "Y90001");

    private static readonly IReadOnlyList<AuditSource> FourSuppliers =
    [
        new("emis", "A81002"),
        new("tpp", "RY801"),
        new("vision", "C83002"),
        new("microtest", "L83100"),
    ];

    public static AuditRecord Create(string run, string store, int n) => new()
    {
        Recorded = TimeProvider.System.GetUtcNow(),
        CorrelationId = string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{store}-{n}"),
        Agent = Clinician,
        Interaction = AuditInteractions.SearchType,
        Method = "GET",
        PathTemplate = "/fhir/MedicationStatement",
        ResourceTypes = ["MedicationStatement"],
        PatientNhsNumber = DemoNhsNumber,
        Sources = FourSuppliers,
        ResourceCount = 7,
        Outcome = new AuditOutcome(200),
        SourceIp = "127.0.0.1",
    };
}
