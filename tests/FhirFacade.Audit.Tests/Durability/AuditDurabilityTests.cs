using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Durability;

/// <summary>
/// Kills a writer process (SIGKILL) in the middle of group commits, several times, and checks that
/// every record it acknowledged is stored and the chain still verifies.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AuditStoreCollection.Name)]
public sealed class AuditDurabilityTests(PostgresFixture postgres)
{
    private const int Rounds = 3;

    public static TheoryData<AuditStoreKind> Kinds => AuditStoreHarness.Kinds();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_WhenTheWriterProcessIsKilled_KeepsEveryAcknowledgedRecordAndAValidChain(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var (option, value) = kind == AuditStoreKind.Sqlite
            ? ("--sqlite", harness.Options.SqlitePath!)
            : ("--postgres", harness.Options.PostgresConnectionString!);
        var acknowledged = new Dictionary<long, string>();
        var runs = new List<StressRun>();

        for (var round = 0; round < Rounds; round++)
        {
            var run = await StressProcess.RunAndKillAsync(option, value, killAfter: 50 + (round * 40));
            runs.Add(run);
            foreach (var (sequence, correlationId) in run.Acknowledged)
            {
                acknowledged.Add(sequence, correlationId);
            }
        }

        var store = harness.Open();
        var verification = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);
        var stored = new Dictionary<long, string>();
        await foreach (var row in store.ReadChainAsync(CancellationToken.None))
        {
            stored[row.Sequence] = row.Record!.CorrelationId;
        }

        runs.Should().OnlyContain(r => r.Killed, "each writer is killed before it finishes ({0})", string.Join(" | ", runs.Select(r => r.StandardError)));
        acknowledged.Should().HaveCountGreaterThanOrEqualTo(50 + 90 + 130);
        verification.IsValid.Should().BeTrue(verification.Break?.Description);
        stored.Should().Contain(acknowledged);
    }
}
