using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Chain;

[Trait("Category", "Unit")]
public sealed class AuditRecordRulesTests
{
    public static TheoryData<string, AuditRecord> InvalidRecords => new()
    {
        { "query string in path", AuditTestRecords.Create(1) with { PathTemplate = "/Patient?identifier=x" } },
        { "fragment in path", AuditTestRecords.Create(1) with { PathTemplate = "/Patient#x" } },
        { "NHS number too short", AuditTestRecords.Create(1) with { PatientNhsNumber = "999000001" } },
        { "NHS number with spaces", AuditTestRecords.Create(1) with { PatientNhsNumber = "999 000 0018" } },
        { "name instead of NHS number", AuditTestRecords.Create(1) with { PatientNhsNumber = "John Smith" } },
        { "no correlation id", AuditTestRecords.Create(1) with { CorrelationId = " " } },
        { "negative count", AuditTestRecords.Create(1) with { ResourceCount = -1 } },
        { "impossible status", AuditTestRecords.Create(1) with { Outcome = new AuditOutcome(42) } },
    };

    [Theory]
    [MemberData(nameof(InvalidRecords))]
    public void Normalize_RecordBreakingARule_ThrowsArgumentException(string rule, AuditRecord record)
    {
        var normalize = () => AuditRecordRules.Normalize(record);

        normalize.Should().Throw<ArgumentException>(rule);
    }

    [Fact]
    public void Normalize_LocalTimeWithTicks_ReturnsUtcTruncatedToMicroseconds()
    {
        var local = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567);

        var normalized = AuditRecordRules.Normalize(AuditTestRecords.Create(1) with { Recorded = local });

        normalized.Recorded.Offset.Should().Be(TimeSpan.Zero);
        normalized.Recorded.Should().Be(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_560));
    }

    [Fact]
    public void Normalize_AnonymousFailedRequest_IsAccepted()
    {
        var record = AuditTestRecords.Create(1) with
        {
            Agent = AuditAgent.Anonymous,
            PatientNhsNumber = null,
            Sources = [],
            Outcome = new AuditOutcome(401, "login"),
        };

        var normalized = AuditRecordRules.Normalize(record);

        normalized.Outcome.Succeeded.Should().BeFalse();
        normalized.Agent.Should().Be(AuditAgent.Anonymous);
    }
}
