using System.Text;
using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Chain;

[Trait("Category", "Unit")]
public sealed class AuditCanonicalFormTests
{
    private const string ExpectedJson = """
        {"v":1,"recorded":"2026-11-22T09:00:05.000123Z","correlationId":"corr-000005",
        "agent":{"clientId":"client-viewer","userId":"user-1","practitionerRoleId":"role-42","organisationOdsCode":"A81001"},
        "interaction":"search-type","method":"GET","pathTemplate":"/MedicationStatement","resourceTypes":["MedicationStatement","Medication"],
        "patientNhsNumber":"9990000018","sources":[{"supplier":"emis","organisationOdsCode":"A81001"},{"supplier":"tpp","organisationOdsCode":"B82005"}],
        "resourceCount":5,"outcome":{"httpStatus":404,"issueCode":"not-found","spineCode":"PATIENT_NOT_FOUND"},"sourceIp":"127.0.0.1"}
        """;

    [Fact]
    public void Serialize_Record_WritesEveryFieldInFixedOrder()
    {
        var record = AuditRecordRules.Normalize(AuditTestRecords.Create(5));

        var json = Encoding.UTF8.GetString(AuditCanonicalForm.Serialize(record));

        json.Should().Be(ExpectedJson.Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void ComputeHash_SameRecordAndPrevious_IsStableAndChangesWithThePreviousHash()
    {
        var record = AuditRecordRules.Normalize(AuditTestRecords.Create(1));

        var first = AuditChain.ComputeHash(AuditChain.GenesisHash, record);
        var again = AuditChain.ComputeHash(AuditChain.GenesisHash, record with { Sources = [.. record.Sources] });
        var chainedElsewhere = AuditChain.ComputeHash(first, record);

        first.Should().MatchRegex("^[0-9a-f]{64}$");
        again.Should().Be(first);
        chainedElsewhere.Should().NotBe(first);
    }
}
