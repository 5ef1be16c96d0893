using FhirFacade.Audit.Sqlite;
using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;

namespace FhirFacade.Audit.Tests.Sqlite;

[Trait("Category", "Integration")]
public sealed class SqliteAuditTrailTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ffaudit-" + Guid.NewGuid().ToString("N")[..12]);

    // Well above what a WAL restarted every few hundred commits reaches (a few MiB), far below unbounded growth.
    private const long MaxWalBytes = 32L * 1024 * 1024;

    private string DatabasePath => Path.Combine(_directory, "audit.db");

    [Fact]
    public async Task InitializeAsync_OnNewPath_CreatesWalDatabaseWithFullSync()
    {
        await using var sut = CreateSut();

        await sut.InitializeAsync(CancellationToken.None);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journalMode = (string?)await command.ExecuteScalarAsync();

        File.Exists(DatabasePath).Should().BeTrue();
        journalMode.Should().Be("wal");
    }

    [Fact]
    public async Task AppendAsync_WhenDatabaseDirectoryWasRemoved_ThrowsAuditUnavailableAndDoesNotRecreateIt()
    {
        await using var sut = CreateSut();
        await sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
        Directory.Delete(_directory, recursive: true);

        var append = async () => await sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);

        await append.Should().ThrowAsync<AuditUnavailableException>();
        await append.Should().ThrowAsync<AuditUnavailableException>();
        File.Exists(DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task AppendAsync_WhenAnotherWriterHoldsTheLock_ThrowsAuditUnavailableThenRecovers()
    {
        await using var sut = CreateSut(o => o.CommandTimeout = TimeSpan.FromSeconds(1));
        await sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
        await using var blocker = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await blocker.OpenAsync();
        var lockHolder = blocker.BeginTransaction(deferred: false);

        var blocked = async () => await sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);

        await blocked.Should().ThrowAsync<AuditUnavailableException>();
        lockHolder.Rollback();
        var entry = await sut.AppendAsync(AuditTestRecords.Create(3), CancellationToken.None);
        entry.Sequence.Should().Be(2);
        (await AuditChainVerifier.VerifyAsync(sut, CancellationToken.None)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task AppendAsync_AfterReopeningTheFile_ContinuesTheSameChain()
    {
        await using (var first = CreateSut())
        {
            await first.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
            await first.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);
        }

        await using var sut = CreateSut();
        var entry = await sut.AppendAsync(AuditTestRecords.Create(3), CancellationToken.None);
        var result = await AuditChainVerifier.VerifyAsync(sut, CancellationToken.None);

        entry.Sequence.Should().Be(3);
        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(3);
    }

    [Fact]
    public async Task AppendAsync_PastTheCheckpointInterval_CheckpointsInTheBackgroundAndKeepsEveryRecord()
    {
        await using var sut = CreateSut(o => o.MaxBatchSize = 1);
        var count = SqliteWalCheckpointer.CommitsPerCheckpoint + 10;
        for (var i = 1; i <= count; i++)
        {
            await sut.AppendAsync(AuditTestRecords.Create(i), CancellationToken.None);
        }

        // The checkpoint runs in the background: wait for it, bounded.
        for (var i = 0; i < 200 && sut.CheckpointCount == 0; i++)
        {
            await Task.Delay(50);
        }

        sut.CheckpointCount.Should().BeGreaterThan(0);
        var head = await sut.ReadHeadAsync(CancellationToken.None);
        head!.Sequence.Should().Be(count);
        (await AuditChainVerifier.VerifyAsync(sut, CancellationToken.None)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task AppendAsync_UnderSustainedConcurrentLoad_RestartsTheWalSoItStaysBounded()
    {
        // Commits arrive while every background checkpoint is running, so a background pass alone
        // never finds the WAL fully copied and SQLite never starts it again from the beginning:
        // before the fix, this run left a WAL of about 100 MiB (4,000 commits of ~6 pages each).
        await using var sut = CreateSut(o => o.MaxBatchSize = 1);
        const int producers = 4;
        const int perProducer = 1_000;
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                await sut.AppendAsync(AuditTestRecords.Create(Interlocked.Increment(ref next)), CancellationToken.None);
            }
        })));

        var walBytes = new FileInfo(DatabasePath + "-wal").Length;
        var head = await sut.ReadHeadAsync(CancellationToken.None);

        head!.Sequence.Should().Be(producers * perProducer);
        sut.BatchCount.Should().Be(producers * perProducer);
        walBytes.Should().BeLessThan(MaxWalBytes, "the WAL must restart after checkpoints instead of growing with every commit");
        sut.WriterCheckpointCount.Should().BeGreaterThan(0, "the writer finishes background passes on its own connection");
        sut.BackgroundSyncCount.Should().BeGreaterThan(0, "background passes fsync the pages they wrote, so the writer's finishing pass need not");
        (await AuditChainVerifier.VerifyAsync(sut, CancellationToken.None)).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task OpenWriterAsync_Always_LimitsTheWalSizeKeptAfterARestart()
    {
        var database = new SqliteAuditDatabase(DatabasePath, TimeSpan.FromSeconds(5));

        await using var writer = await database.OpenWriterAsync(CancellationToken.None);
        await using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA journal_size_limit";
        var limit = (long?)await command.ExecuteScalarAsync();

        limit.Should().Be(SqliteAuditDatabase.WalSizeLimitBytes);
    }

    [Fact]
    public async Task OpenWriterAsync_Always_TurnsAutomaticCheckpointsOff()
    {
        var database = new SqliteAuditDatabase(DatabasePath, TimeSpan.FromSeconds(5));

        await using var writer = await database.OpenWriterAsync(CancellationToken.None);
        await using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        var pages = (long?)await command.ExecuteScalarAsync();

        pages.Should().Be(0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private SqliteAuditTrail CreateSut(Action<AuditOptions>? configure = null)
    {
        var options = new AuditOptions { SqlitePath = DatabasePath };
        configure?.Invoke(options);
        return new SqliteAuditTrail(options, TimeProvider.System);
    }
}
