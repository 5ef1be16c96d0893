using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;

namespace FhirFacade.Audit.Tests.Stores;

/// <summary>The behaviour every audit store must have, run against SQLite and a real PostgreSQL cluster.</summary>
[Trait("Category", "Integration")]
[Collection(AuditStoreCollection.Name)]
public sealed class AuditStoreTests(PostgresFixture postgres)
{
    public static TheoryData<AuditStoreKind> Kinds => AuditStoreHarness.Kinds();

    public static TheoryData<AuditStoreKind, string> TamperCases()
    {
        var cases = new TheoryData<AuditStoreKind, string>();
        foreach (var kind in AuditStoreHarness.Kinds())
        {
            foreach (var tamper in Tampers.Keys)
            {
                cases.Add(kind, tamper);
            }
        }

        return cases;
    }

    private static readonly Dictionary<string, (string Sql, long Sequence, AuditChainBreakKind Kind)> Tampers = new()
    {
        ["status altered"] = ("UPDATE audit_event SET http_status = 200 WHERE seq = 5", 5, AuditChainBreakKind.AlteredRow),
        ["nhs number altered"] = ("UPDATE audit_event SET patient_nhs_number = '9990000026' WHERE seq = 4", 4, AuditChainBreakKind.AlteredRow),
        ["sources unreadable"] = ("UPDATE audit_event SET sources = 'not json' WHERE seq = 2", 2, AuditChainBreakKind.AlteredRow),
        ["previous hash altered"] = ("UPDATE audit_event SET previous_hash = hash WHERE seq = 7", 7, AuditChainBreakKind.AlteredRow),
        ["middle row deleted"] = ("DELETE FROM audit_event WHERE seq = 6", 6, AuditChainBreakKind.MissingRow),
        ["last row deleted"] = ("DELETE FROM audit_event WHERE seq = 10", 10, AuditChainBreakKind.MissingRow),
        ["rows reordered"] = (
            "UPDATE audit_event SET seq = -1 WHERE seq = 3; UPDATE audit_event SET seq = 3 WHERE seq = 8; UPDATE audit_event SET seq = 8 WHERE seq = -1",
            3,
            AuditChainBreakKind.Reordered),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_ThenSearchByCorrelationId_ReturnsTheSameRecord(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        var record = AuditTestRecords.Create(5);

        var entry = await store.AppendAsync(record, CancellationToken.None);
        var found = await store.SearchAsync(new AuditQuery { CorrelationId = record.CorrelationId }, CancellationToken.None);

        entry.Sequence.Should().Be(1);
        entry.PreviousHash.Should().Be(AuditChain.GenesisHash);
        found.Should().ContainSingle().Which.Should().BeEquivalentTo(entry);
        found[0].Record.Should().BeEquivalentTo(AuditRecordRules.Normalize(record));
        found[0].Record.Outcome.Succeeded.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SearchAsync_ByPatientAndTimeAndAgent_ReturnsMatchesNewestFirst(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        for (var n = 1; n <= 12; n++)
        {
            var patient = n % 2 == 0 ? AuditTestRecords.PatientB : AuditTestRecords.PatientA;
            await store.AppendAsync(AuditTestRecords.Create(n, patient, userId: n <= 6 ? "user-1" : "user-2"), CancellationToken.None);
        }

        var byPatient = await store.SearchAsync(new AuditQuery { PatientNhsNumber = AuditTestRecords.PatientB }, CancellationToken.None);
        var byWindow = await store.SearchAsync(
            new AuditQuery { From = AuditTestRecords.Start.AddSeconds(3), To = AuditTestRecords.Start.AddSeconds(6) },
            CancellationToken.None);
        var byAgent = await store.SearchAsync(new AuditQuery { Agent = "user-2", Count = 2 }, CancellationToken.None);
        var nextPage = await store.SearchAsync(new AuditQuery { Agent = "user-2", Count = 2, BeforeSequence = byAgent[^1].Sequence }, CancellationToken.None);

        byPatient.Select(e => e.Sequence).Should().Equal(12, 10, 8, 6, 4, 2);
        byWindow.Select(e => e.Sequence).Should().Equal(5, 4, 3);
        byAgent.Select(e => e.Sequence).Should().Equal(12, 11);
        nextPage.Select(e => e.Sequence).Should().Equal(10, 9);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SearchAsync_AfterSequence_ReturnsThePageJustNewerNewestFirst(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        for (var n = 1; n <= 12; n++)
        {
            await store.AppendAsync(AuditTestRecords.Create(n, n % 2 == 0 ? AuditTestRecords.PatientB : AuditTestRecords.PatientA), CancellationToken.None);
        }

        var newer = await store.SearchAsync(new AuditQuery { PatientNhsNumber = AuditTestRecords.PatientB, Count = 2, AfterSequence = 4 }, CancellationToken.None);
        var newest = await store.SearchAsync(new AuditQuery { PatientNhsNumber = AuditTestRecords.PatientB, Count = 5, AfterSequence = 8 }, CancellationToken.None);

        newer.Select(e => e.Sequence).Should().Equal(8, 6);
        newest.Select(e => e.Sequence).Should().Equal(12, 10);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CountAsync_WithFilters_CountsEveryMatchWhateverThePage(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        for (var n = 1; n <= 12; n++)
        {
            await store.AppendAsync(AuditTestRecords.Create(n, n % 2 == 0 ? AuditTestRecords.PatientB : AuditTestRecords.PatientA, userId: n <= 6 ? "user-1" : "user-2"), CancellationToken.None);
        }

        var all = await store.CountAsync(new AuditQuery(), CancellationToken.None);
        var byPatientPage = await store.CountAsync(new AuditQuery { PatientNhsNumber = AuditTestRecords.PatientB, Count = 2, BeforeSequence = 6 }, CancellationToken.None);
        var byAgentAndWindow = await store.CountAsync(new AuditQuery { Agent = "user-2", From = AuditTestRecords.Start.AddSeconds(8) }, CancellationToken.None);
        var none = await store.CountAsync(new AuditQuery { CorrelationId = "no-such-request" }, CancellationToken.None);

        all.Should().Be(12);
        byPatientPage.Should().Be(6, "the count ignores the page asked for");
        byAgentAndWindow.Should().Be(5);
        none.Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task VerifyAsync_AfterAppends_ReportsValidChainWithCount(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        AuditEntry last = null!;
        for (var n = 1; n <= 10; n++)
        {
            last = await store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None);
        }

        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(10);
        result.LastHash.Should().Be(last.Hash);
    }

    [Theory]
    [MemberData(nameof(TamperCases))]
    public async Task VerifyAsync_AfterTampering_ReportsFirstBreakAtTheTamperedRow(AuditStoreKind kind, string tamper)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        for (var n = 1; n <= 10; n++)
        {
            await store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None);
        }

        var (sql, sequence, breakKind) = Tampers[tamper];
        await harness.ExecuteSqlAsync(sql);

        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        result.IsValid.Should().BeFalse();
        result.Break!.Sequence.Should().Be(sequence);
        result.Break.Kind.Should().Be(breakKind);
        result.Count.Should().Be(sequence - 1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_FromManyTasks_KeepsOneLinearChainWithoutGaps(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        const int Writers = 8;
        const int PerWriter = 25;

        var sequences = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < PerWriter; i++)
            {
                var entry = await store.AppendAsync(AuditTestRecords.Create((w * PerWriter) + i), CancellationToken.None);
                mine.Add(entry.Sequence);
            }

            return mine;
        })));
        var result = await AuditChainVerifier.VerifyAsync(store, CancellationToken.None);

        sequences.SelectMany(s => s).Should().BeEquivalentTo(Enumerable.Range(1, Writers * PerWriter).Select(i => (long)i));
        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(Writers * PerWriter);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_WhenAppendsQueueWhileTheWriterIsBusy_CommitsThemInOneBatch(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var writerStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = harness.Open(writerStart.Task);
        var appends = Enumerable.Range(1, 40).Select(n => store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();
        var completedBeforeStart = appends.Count(a => a.IsCompleted);

        writerStart.SetResult();
        var entries = await Task.WhenAll(appends);

        completedBeforeStart.Should().Be(0);
        AuditStoreHarness.BatchCount(store).Should().Be(1);
        entries.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, 40).Select(i => (long)i));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_WhenMoreAreQueuedThanTheBatchSize_SplitsIntoFullBatches(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres, o => o.MaxBatchSize = 10);
        var writerStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = harness.Open(writerStart.Task);
        var appends = Enumerable.Range(1, 35).Select(n => store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        writerStart.SetResult();
        await Task.WhenAll(appends);

        AuditStoreHarness.BatchCount(store).Should().Be(4);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_WhenQueueIsFull_ThrowsAuditUnavailableAtOnce(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres, o => o.QueueCapacity = 3);
        var writerStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = harness.Open(writerStart.Task);
        var queued = Enumerable.Range(1, 3).Select(n => store.AppendAsync(AuditTestRecords.Create(n), CancellationToken.None).AsTask()).ToList();

        var overflow = async () => await store.AppendAsync(AuditTestRecords.Create(4), CancellationToken.None);

        await overflow.Should().ThrowAsync<AuditUnavailableException>();
        writerStart.SetResult();
        (await Task.WhenAll(queued)).Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_AfterDispose_ThrowsAuditUnavailable(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        await store.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
        await store.DisposeAsync();

        var append = async () => await store.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);

        await append.Should().ThrowAsync<AuditUnavailableException>();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AppendAsync_WithQueryStringInPath_ThrowsArgumentExceptionAndStoresNothing(AuditStoreKind kind)
    {
        await using var harness = await AuditStoreHarness.CreateAsync(kind, postgres);
        var store = harness.Open();
        await store.InitializeAsync(CancellationToken.None);

        var append = async () => await store.AppendAsync(
            AuditTestRecords.Create(1) with { PathTemplate = "/Patient?family=Smith" },
            CancellationToken.None);

        await append.Should().ThrowAsync<ArgumentException>();
        (await AuditChainVerifier.VerifyAsync(store, CancellationToken.None)).Count.Should().Be(0);
    }
}
