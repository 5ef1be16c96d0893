using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Chain;

[Trait("Category", "Unit")]
public sealed class AuditChainVerifierTests
{
    public static TheoryData<string, long, AuditChainBreakKind> BreakCases => new()
    {
        { "altered", 3, AuditChainBreakKind.AlteredRow },
        { "unreadable", 2, AuditChainBreakKind.AlteredRow },
        { "deleted", 4, AuditChainBreakKind.MissingRow },
        { "swapped", 2, AuditChainBreakKind.Reordered },
        { "rehashed", 4, AuditChainBreakKind.Reordered },
        { "tail deleted", 6, AuditChainBreakKind.MissingRow },
        { "head behind", 5, AuditChainBreakKind.HeadMismatch },
        { "head hash", 6, AuditChainBreakKind.AlteredRow },
    };

    [Fact]
    public async Task VerifyAsync_IntactChain_ReturnsValidWithCountAndLastHash()
    {
        var rows = Chain(6);

        var result = await AuditChainVerifier.VerifyAsync(rows.ToAsyncEnumerable(), HeadOf(rows), CancellationToken.None);

        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(6);
        result.LastHash.Should().Be(rows[^1].Hash);
    }

    [Fact]
    public async Task VerifyAsync_EmptyChain_ReturnsValidWithZeroCount()
    {
        var result = await AuditChainVerifier.VerifyAsync(Array.Empty<AuditChainRow>().ToAsyncEnumerable(), AuditChain.EmptyHead, CancellationToken.None);

        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(BreakCases))]
    public async Task VerifyAsync_BrokenChain_ReportsFirstBreak(string tamper, long sequence, AuditChainBreakKind kind)
    {
        var rows = Chain(6);
        var head = HeadOf(rows);
        Tamper(tamper, rows, ref head);

        var result = await AuditChainVerifier.VerifyAsync(rows.ToAsyncEnumerable(), head, CancellationToken.None);

        result.IsValid.Should().BeFalse();
        result.Break!.Sequence.Should().Be(sequence);
        result.Break.Kind.Should().Be(kind);
        result.Break.Description.Should().NotContain(AuditTestRecords.PatientA);
    }

    private static void Tamper(string tamper, List<AuditChainRow> rows, ref AuditChainHead head)
    {
        switch (tamper)
        {
            case "altered":
                rows[2] = rows[2] with { Record = rows[2].Record! with { PatientNhsNumber = AuditTestRecords.PatientB } };
                break;
            case "unreadable":
                rows[1] = rows[1] with { Record = null };
                break;
            case "deleted":
                rows.RemoveAt(3);
                break;
            case "swapped":
                (rows[1], rows[4]) = (rows[4] with { Sequence = 2 }, rows[1] with { Sequence = 5 });
                break;
            case "rehashed":
                var record = rows[2].Record! with { ResourceCount = 99 };
                rows[2] = rows[2] with { Record = record, Hash = AuditChain.ComputeHash(rows[2].PreviousHash, record) };
                break;
            case "tail deleted":
                rows.RemoveAt(5);
                break;
            case "head behind":
                head = new AuditChainHead(4, rows[3].Hash);
                break;
            case "head hash":
                head = head with { Hash = rows[0].Hash };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper), tamper, null);
        }
    }

    private static List<AuditChainRow> Chain(int count) =>
        AuditChain.Append(AuditChain.EmptyHead, Enumerable.Range(1, count).Select(n => AuditRecordRules.Normalize(AuditTestRecords.Create(n))).ToList())
            .Select(e => new AuditChainRow(e.Sequence, e.Record, e.PreviousHash, e.Hash))
            .ToList();

    private static AuditChainHead HeadOf(List<AuditChainRow> rows) => new(rows[^1].Sequence, rows[^1].Hash);
}
